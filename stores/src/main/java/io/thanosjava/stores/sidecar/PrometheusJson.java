package io.thanosjava.stores.sidecar;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the two shapes of Prometheus HTTP API answers the sidecar needs: {@code data} as a list of
 * strings (label names and values) and {@code data.yaml} (the configuration). Anything else, or
 * {@code "status":"error"}, throws an {@link IOException} describing it.
 */
final class PrometheusJson {
    private static final JsonFactory JSON = new JsonFactory();

    private PrometheusJson() {}

    static List<String> stringList(byte[] body) throws IOException {
        try (JsonParser p = JSON.createParser(body)) {
            seekData(p);
            if (p.nextToken() != JsonToken.START_ARRAY) {
                throw new IOException("\"data\" is not an array");
            }
            List<String> out = new ArrayList<>();
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.VALUE_STRING) {
                out.add(p.getText());
            }
            if (t != JsonToken.END_ARRAY) {
                throw new IOException("\"data\" holds a non-string " + t);
            }
            return out;
        }
    }

    static String configYaml(byte[] body) throws IOException {
        try (JsonParser p = JSON.createParser(body)) {
            seekData(p);
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("\"data\" is not an object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken v = p.nextToken();
                if ("yaml".equals(field) && v == JsonToken.VALUE_STRING) {
                    return p.getText();
                }
                p.skipChildren();
            }
            throw new IOException("\"data\" has no \"yaml\" string");
        }
    }

    /** Positions the parser on the {@code data} field name after checking {@code status}. */
    private static void seekData(JsonParser p) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            throw new IOException("not a JSON object");
        }
        String status = null;
        String error = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            if ("data".equals(field)) {
                if (status != null && !"success".equals(status)) {
                    throw new IOException("status " + status);
                }
                return;
            }
            JsonToken v = p.nextToken();
            if ("status".equals(field) && v == JsonToken.VALUE_STRING) {
                status = p.getText();
            } else if ("error".equals(field) && v == JsonToken.VALUE_STRING) {
                error = p.getText();
            } else {
                p.skipChildren();
            }
        }
        throw new IOException(error != null ? "status " + status + ": " + error : "no \"data\" field");
    }
}

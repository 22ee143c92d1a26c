package io.thanosjava.server.api;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.thanosjava.server.http.ApiResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * Prometheus' response envelope: {@code {"status":"success","data":...,"warnings":[...],"infos":[...]}}
 * or {@code {"status":"error","errorType":...,"error":...}}, written field by field in
 * Prometheus' order.
 */
public final class Envelope {
    private static final JsonFactory FACTORY = JsonFactory.builder().build();
    private static final Map<String, String> NO_STORE = Map.of("Cache-Control", "no-store");

    private Envelope() {
    }

    /** Writes the {@code data} member's value. */
    @FunctionalInterface
    public interface DataWriter {
        void write(JsonGenerator g) throws IOException;
    }

    public static ApiResponse success(DataWriter data) {
        return success(data, List.of(), List.of());
    }

    public static ApiResponse success(DataWriter data, List<String> warnings, List<String> infos) {
        byte[] body = write(g -> {
            g.writeStringField("status", "success");
            g.writeFieldName("data");
            data.write(g);
            writeStrings(g, "warnings", warnings);
            writeStrings(g, "infos", infos);
        });
        ApiResponse r = ApiResponse.json(200, body);
        return warnings.isEmpty() ? r : r.withHeader("Cache-Control", "no-store");
    }

    public static ApiResponse error(ApiError e) {
        byte[] body = write(g -> {
            g.writeStringField("status", "error");
            g.writeStringField("errorType", e.type().apiName());
            g.writeStringField("error", e.getMessage());
        });
        return new ApiResponse(e.type().status(), ApiResponse.JSON, NO_STORE, body);
    }

    private static void writeStrings(JsonGenerator g, String field, List<String> values) throws IOException {
        if (values.isEmpty()) {
            return;
        }
        g.writeArrayFieldStart(field);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }

    private static byte[] write(DataWriter members) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = newGenerator(out)) {
            g.writeStartObject();
            members.write(g);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static JsonGenerator newGenerator(ByteArrayOutputStream out) throws IOException {
        JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8);
        g.setCharacterEscapes(new GoJsonEscapes());
        return g;
    }
}

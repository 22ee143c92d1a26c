package io.thanosjava.server.api;

import com.fasterxml.jackson.core.JsonGenerator;
import io.thanosjava.engine.Value;
import io.thanosjava.model.GoFloatFormat;
import io.thanosjava.model.Labels;
import java.io.IOException;
import java.util.List;

/** Writes PromQL values and label sets in the exact JSON shapes of Prometheus' HTTP API. */
public final class PromJson {
    private PromJson() {
    }

    /** The {@code result} member of a query response. */
    public static void writeResult(JsonGenerator g, Value value) throws IOException {
        if (value instanceof Value.Scalar s) {
            writeScalarPair(g, s.timestamp(), GoFloatFormat.formatF(s.value()));
        } else if (value instanceof Value.StringValue s) {
            writeScalarPair(g, s.timestamp(), s.value());
        } else if (value instanceof Value.Vector v) {
            writeVector(g, v);
        } else if (value instanceof Value.Matrix m) {
            writeMatrix(g, m);
        } else {
            throw new IllegalArgumentException("unknown value type " + value.getClass());
        }
    }

    private static void writeVector(JsonGenerator g, Value.Vector v) throws IOException {
        g.writeStartArray();
        List<Labels> labels = v.labels();
        double[] values = v.values();
        for (int i = 0; i < values.length; i++) {
            g.writeStartObject();
            g.writeFieldName("metric");
            writeLabels(g, labels.get(i));
            g.writeFieldName("value");
            writeSample(g, v.timestamp(), values[i]);
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void writeMatrix(JsonGenerator g, Value.Matrix m) throws IOException {
        g.writeStartArray();
        for (Value.Series s : m.series()) {
            g.writeStartObject();
            g.writeFieldName("metric");
            writeLabels(g, s.labels());
            long[] ts = s.timestamps();
            double[] vs = s.values();
            if (ts.length > 0) {
                g.writeArrayFieldStart("values");
                for (int i = 0; i < ts.length; i++) {
                    writeSample(g, ts[i], vs[i]);
                }
                g.writeEndArray();
            }
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /** {@code [<ts>,"<value>"]} with Prometheus' millisecond timestamp form. */
    static void writeSample(JsonGenerator g, long timestampMillis, double value) throws IOException {
        g.writeStartArray();
        g.writeRawValue(timestamp(timestampMillis));
        g.writeString(GoFloatFormat.formatApiValue(value));
        g.writeEndArray();
    }

    /** Scalar and string results print their timestamp as Go's shortest float of seconds. */
    private static void writeScalarPair(JsonGenerator g, long timestampMillis, String value) throws IOException {
        g.writeStartArray();
        g.writeRawValue(GoFloatFormat.formatF(timestampMillis / 1000.0));
        g.writeString(value);
        g.writeEndArray();
    }

    /** Seconds, with a dot and exactly three digits when the millisecond part is not zero. */
    static String timestamp(long ms) {
        StringBuilder sb = new StringBuilder(20);
        long t = ms;
        if (t < 0) {
            sb.append('-');
            t = -t;
        }
        sb.append(t / 1000);
        long fraction = t % 1000;
        if (fraction != 0) {
            sb.append('.');
            if (fraction < 100) {
                sb.append('0');
            }
            if (fraction < 10) {
                sb.append('0');
            }
            sb.append(fraction);
        }
        return sb.toString();
    }

    /** A label set as a JSON object in label order. */
    public static void writeLabels(JsonGenerator g, Labels labels) throws IOException {
        g.writeStartObject();
        for (int i = 0; i < labels.size(); i++) {
            g.writeStringField(labels.name(i), labels.value(i));
        }
        g.writeEndObject();
    }

    public static void writeStringArray(JsonGenerator g, List<String> values) throws IOException {
        g.writeStartArray();
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }

    /** Writes a tree of maps, lists, strings, numbers, booleans and nulls (for status-like payloads). */
    public static void writeTree(JsonGenerator g, Object o) throws IOException {
        if (o == null) {
            g.writeNull();
        } else if (o instanceof java.util.Map<?, ?> m) {
            g.writeStartObject();
            for (java.util.Map.Entry<?, ?> e : m.entrySet()) {
                g.writeFieldName(String.valueOf(e.getKey()));
                writeTree(g, e.getValue());
            }
            g.writeEndObject();
        } else if (o instanceof List<?> l) {
            g.writeStartArray();
            for (Object x : l) {
                writeTree(g, x);
            }
            g.writeEndArray();
        } else if (o instanceof Number n) {
            g.writeNumber(n.longValue());
        } else if (o instanceof Boolean b) {
            g.writeBoolean(b);
        } else {
            g.writeString(String.valueOf(o));
        }
    }
}

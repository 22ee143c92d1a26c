package io.thanosjava.examples;

import io.thanosjava.engine.QueryResult;
import io.thanosjava.engine.Value;
import java.io.PrintStream;
import java.time.Instant;

/** Prints query results one sample per line: {@code labels @ time = value}. */
final class ResultPrinter {
    private final PrintStream out;

    ResultPrinter(PrintStream out) {
        this.out = out;
    }

    void print(String title, QueryResult result) {
        out.println(title);
        Value value = result.value();
        if (value instanceof Value.Scalar s) {
            sample("scalar", s.timestamp(), s.value());
        } else if (value instanceof Value.StringValue s) {
            out.println("  string @ " + Instant.ofEpochMilli(s.timestamp()) + " = " + s.value());
        } else if (value instanceof Value.Vector v) {
            for (int i = 0; i < v.size(); i++) {
                sample(v.label(i).toString(), v.timestamp(), v.value(i));
            }
        } else if (value instanceof Value.Matrix m) {
            for (Value.Series s : m.series()) {
                for (int i = 0; i < s.size(); i++) {
                    sample(s.labels().toString(), s.timestamp(i), s.value(i));
                }
            }
        }
        result.warnings().forEach(w -> out.println("  warning: " + w));
    }

    private void sample(String series, long timestamp, double value) {
        out.println("  " + series + " @ " + Instant.ofEpochMilli(timestamp) + " = " + value);
    }
}

package io.thanosjava.dedup;

import com.fasterxml.jackson.databind.JsonNode;
import io.thanosjava.model.Labels;
import io.thanosjava.model.StaleNaN;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The plain-selector range query {@code metric{}} evaluated over raw samples, as PromQL does: at each
 * step the latest sample in the lookback window (step - delta, step], absent when that sample is a
 * stale marker. Stands in for the engine until it can run the query itself.
 */
final class RangeQueryOracle {
    private RangeQueryOracle() {
    }

    static List<Sample> evaluate(List<Sample> raw, long start, long end, long step, long lookback) {
        List<Sample> out = new ArrayList<>();
        int i = 0;
        for (long t = start; t <= end; t += step) {
            while (i < raw.size() && raw.get(i).t() <= t) {
                i++;
            }
            if (i == 0) {
                continue;
            }
            Sample latest = raw.get(i - 1);
            if (latest.t() > t - lookback && !StaleNaN.is(latest.v())) {
                out.add(Sample.of(t, latest.v()));
            }
        }
        return out;
    }

    /** The matrix of a Prometheus API body: labels to (step in ms, value) samples. */
    static Map<Labels, List<Sample>> matrix(JsonNode body) {
        Map<Labels, List<Sample>> out = new LinkedHashMap<>();
        for (JsonNode series : body.path("data").path("result")) {
            Labels.Builder labels = Labels.builder();
            Iterator<Map.Entry<String, JsonNode>> fields = series.path("metric").fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                labels.set(field.getKey(), field.getValue().asText());
            }
            List<Sample> samples = new ArrayList<>();
            for (JsonNode point : series.path("values")) {
                long millis = new BigDecimal(point.get(0).asText()).movePointRight(3).longValueExact();
                samples.add(Sample.of(millis, Double.parseDouble(point.get(1).asText())));
            }
            out.put(labels.build(), samples);
        }
        return out;
    }
}

package io.thanosjava.server.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Semantic comparison of a Prometheus API answer with ours: same status and error type, same result
 * type, same label sets (order-insensitive, optionally ignoring one label ours adds), timestamps
 * equal, values equal within a relative error of 1e-9 (NaN equals NaN, infinities exactly).
 * Warnings are ignored (Prometheus 2.42 has no PromQL annotations).
 */
final class DifferentialComparison {
    static final double RELATIVE_ERROR = 1e-9;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String ignoredLabel;
    private long points;

    /** @param ignoredLabel a label removed from our series before comparing, or null */
    DifferentialComparison(String ignoredLabel) {
        this.ignoredLabel = ignoredLabel;
    }

    long pointsCompared() {
        return points;
    }

    /** The first difference, or null when the answers agree. */
    String firstDifference(DifferentialHttp.Answer prometheus, DifferentialHttp.Answer ours) throws IOException {
        JsonNode p = JSON.readTree(prometheus.body());
        JsonNode o = JSON.readTree(ours.body());
        String pStatus = p.path("status").asText();
        if (!pStatus.equals(o.path("status").asText())) {
            return "status " + pStatus + " vs ours " + o.path("status").asText();
        }
        if (!"success".equals(pStatus)) {
            if (prometheus.status() != ours.status() || !p.path("errorType").equals(o.path("errorType"))) {
                return "error " + prometheus.status() + "/" + p.path("errorType") + " vs ours " + ours.status() + "/"
                        + o.path("errorType");
            }
            return null;
        }
        JsonNode pData = p.path("data");
        JsonNode oData = o.path("data");
        if (pData.isArray()) {
            return compareArrays(pData, oData);
        }
        String type = pData.path("resultType").asText();
        if (!type.equals(oData.path("resultType").asText())) {
            return "resultType " + type + " vs ours " + oData.path("resultType").asText();
        }
        return switch (type) {
            case "scalar", "string" -> comparePoint("", pData.path("result"), oData.path("result"));
            case "vector" -> compareSeries(pData.path("result"), oData.path("result"), "value");
            case "matrix" -> compareSeries(pData.path("result"), oData.path("result"), "values");
            default -> "unknown resultType " + type;
        };
    }

    /** series (label sets), labels and label values: compared as sets. */
    private String compareArrays(JsonNode p, JsonNode o) {
        TreeMap<String, JsonNode> pSet = new TreeMap<>();
        for (JsonNode n : p) {
            pSet.put(n.isObject() ? labelKey(n, false) : n.asText(), n);
        }
        TreeMap<String, JsonNode> oSet = new TreeMap<>();
        for (JsonNode n : o) {
            String key = n.isObject() ? labelKey(n, true) : n.asText();
            if (!(n.isTextual() && key.equals(ignoredLabel))) {
                oSet.put(key, n);
            }
        }
        points += pSet.size();
        if (!pSet.keySet().equals(oSet.keySet())) {
            List<String> missing = new ArrayList<>(pSet.keySet());
            missing.removeAll(oSet.keySet());
            List<String> extra = new ArrayList<>(oSet.keySet());
            extra.removeAll(pSet.keySet());
            return "entries only in Prometheus " + missing + ", only in ours " + extra;
        }
        return null;
    }

    private String compareSeries(JsonNode p, JsonNode o, String field) {
        Map<String, JsonNode> pSeries = bySeries(p, false);
        Map<String, JsonNode> oSeries = bySeries(o, true);
        if (pSeries.size() != p.size() || oSeries.size() != o.size()) {
            return "duplicate label sets";
        }
        if (!pSeries.keySet().equals(oSeries.keySet())) {
            return "series differ: Prometheus " + pSeries.keySet() + " vs ours " + oSeries.keySet();
        }
        for (Map.Entry<String, JsonNode> e : pSeries.entrySet()) {
            JsonNode pPoints = e.getValue().path(field);
            JsonNode oPoints = oSeries.get(e.getKey()).path(field);
            if (field.equals("value")) {
                String d = comparePoint(e.getKey(), pPoints, oPoints);
                if (d != null) {
                    return d;
                }
                continue;
            }
            int n = Math.max(pPoints.size(), oPoints.size());
            for (int i = 0; i < n; i++) {
                if (i >= pPoints.size() || i >= oPoints.size()) {
                    return e.getKey() + " point " + i + ": Prometheus " + pPoints.path(i) + " vs ours " + oPoints.path(i)
                            + " (lengths " + pPoints.size() + " vs " + oPoints.size() + ")";
                }
                String d = comparePoint(e.getKey() + " point " + i, pPoints.get(i), oPoints.get(i));
                if (d != null) {
                    return d;
                }
            }
        }
        return null;
    }

    private String comparePoint(String where, JsonNode p, JsonNode o) {
        points++;
        if (p.get(0).asDouble() != o.path(0).asDouble()) {
            return where + ": timestamp " + p + " vs ours " + o;
        }
        String pv = p.get(1).asText();
        String ov = o.path(1).asText();
        if (pv.equals(ov)) {
            return null;
        }
        double a = Double.parseDouble(pv.replace("Inf", "Infinity"));
        double b = Double.parseDouble(ov.replace("Inf", "Infinity"));
        boolean equal = Double.isNaN(a) ? Double.isNaN(b)
                : a == b || Math.abs(a - b) <= RELATIVE_ERROR * Math.max(Math.abs(a), Math.abs(b));
        return equal ? null : where + ": Prometheus " + p + " vs ours " + o;
    }

    private Map<String, JsonNode> bySeries(JsonNode result, boolean ours) {
        Map<String, JsonNode> m = new TreeMap<>();
        for (JsonNode s : result) {
            m.put(labelKey(s.path("metric"), ours), s);
        }
        return m;
    }

    private String labelKey(JsonNode metric, boolean ours) {
        TreeMap<String, String> labels = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = metric.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!(ours && e.getKey().equals(ignoredLabel))) {
                labels.put(e.getKey(), e.getValue().asText());
            }
        }
        return labels.toString();
    }
}

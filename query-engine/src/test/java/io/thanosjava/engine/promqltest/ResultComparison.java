package io.thanosjava.engine.promqltest;

import io.thanosjava.engine.Value;
import io.thanosjava.model.Labels;
import io.thanosjava.model.StaleNaN;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Compares engine results with script expectations as Prometheus' runner does (relative tolerance 1e-6). */
final class ResultComparison {
    private static final double EPSILON = 1e-6;

    private ResultComparison() {
    }

    static String compare(Value v, Expectations ex, boolean range, long start, long step) {
        if (ex.string != null) {
            if (!(v instanceof Value.StringValue s)) {
                return "expected string but got " + v.resultType();
            }
            return s.value().equals(ex.string) ? null : "expected string \"" + ex.string + "\" got \"" + s.value() + "\"";
        }
        if (ex.scalar != null) {
            if (!(v instanceof Value.Scalar s)) {
                return "expected scalar but got " + v.resultType();
            }
            return almostEqual(ex.scalar, s.value()) ? null : "expected scalar " + ex.scalar + " got " + s.value();
        }
        if (range || ex.rangeVector != null) {
            if (!(v instanceof Value.Matrix m)) {
                return "expected matrix but got " + v.resultType();
            }
            long s0 = range ? start : ex.rangeVector[0];
            long st = range ? step : ex.rangeVector[2];
            return compareMatrix(m, ex, s0, st);
        }
        if (!(v instanceof Value.Vector vec)) {
            return "expected vector but got " + v.resultType();
        }
        return compareVector(vec, ex);
    }

    private static String compareVector(Value.Vector vec, Expectations ex) {
        if (vec.size() != ex.series.size()) {
            return "expected " + ex.series.size() + " samples, got " + vec.size() + ": " + render(vec);
        }
        for (int i = 0; i < vec.size(); i++) {
            Labels l = vec.labels().get(i);
            List<Double> exp = ex.series.get(l);
            if (exp == null) {
                return "unexpected series " + l + " in " + render(vec);
            }
            if (exp.size() != 1 || exp.get(0) == null) {
                return "expected exactly one value for " + l;
            }
            if (!almostEqual(exp.get(0), vec.values()[i])) {
                return "for " + l + " expected " + exp.get(0) + " got " + vec.values()[i];
            }
            if (ex.ordered && !ex.order.get(i).equals(l)) {
                return "expected " + ex.order.get(i) + " at position " + i + " but got " + l;
            }
        }
        return null;
    }

    private static String compareMatrix(Value.Matrix m, Expectations ex, long start, long step) {
        if (m.series().size() != ex.series.size()) {
            return "expected " + ex.series.size() + " series, got " + m.series().size() + ": " + labelsOf(m);
        }
        Labels prev = null;
        for (Value.Series s : m.series()) {
            if (prev != null && prev.compareTo(s.labels()) >= 0) {
                return "matrix not sorted by labels";
            }
            prev = s.labels();
            List<Double> exp = ex.series.get(s.labels());
            if (exp == null) {
                return "unexpected series " + s.labels() + " in " + labelsOf(m);
            }
            Map<Long, Double> expected = new HashMap<>();
            for (int i = 0; i < exp.size(); i++) {
                if (exp.get(i) != null) {
                    expected.put(start + i * step, exp.get(i));
                }
            }
            if (expected.size() != s.timestamps().length) {
                return "for " + s.labels() + " expected " + expected.size() + " points, got " + s.timestamps().length;
            }
            for (int i = 0; i < s.timestamps().length; i++) {
                Double e = expected.get(s.timestamps()[i]);
                if (e == null) {
                    return "for " + s.labels() + " unexpected point at " + s.timestamps()[i];
                }
                if (!almostEqual(e, s.values()[i])) {
                    return "for " + s.labels() + " at " + s.timestamps()[i] + " expected " + e + " got " + s.values()[i];
                }
            }
        }
        return null;
    }

    static boolean almostEqual(double a, double b) {
        if (StaleNaN.is(a) || StaleNaN.is(b)) {
            return StaleNaN.is(a) && StaleNaN.is(b);
        }
        if (Double.isNaN(a) && Double.isNaN(b)) {
            return true;
        }
        if (a == b) {
            return true;
        }
        double absSum = Math.abs(a) + Math.abs(b);
        double diff = Math.abs(a - b);
        if (a == 0 || b == 0 || absSum < Double.MIN_NORMAL) {
            return diff < EPSILON * Double.MIN_NORMAL;
        }
        return diff / Math.min(absSum, Double.MAX_VALUE) < EPSILON;
    }

    private static String render(Value.Vector v) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < v.size() && i < 10; i++) {
            sb.append(v.labels().get(i)).append(' ').append(v.values()[i]).append(i + 1 < v.size() ? ", " : "");
        }
        return sb.append(']').toString();
    }

    private static String labelsOf(Value.Matrix m) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < m.series().size() && i < 10; i++) {
            sb.append(m.series().get(i).labels()).append(' ');
        }
        return sb.append(']').toString();
    }
}

package io.thanosjava.engine.eval;

import java.util.HashMap;
import java.util.Map;

/** Every PromQL function the engine evaluates, keyed by name. */
final class FunctionTable {
    private static final Map<String, FunctionImpl> TABLE = new HashMap<>();

    static {
        math("abs", Math::abs);
        math("ceil", Math::ceil);
        math("floor", Math::floor);
        math("exp", Math::exp);
        math("sqrt", Math::sqrt);
        math("ln", Math::log);
        math("log2", v -> Math.log(v) / Math.log(2));
        math("log10", Math::log10);
        math("sgn", InstantFunctions::sgn);
        math("sin", Math::sin);
        math("cos", Math::cos);
        math("tan", Math::tan);
        math("asin", Math::asin);
        math("acos", Math::acos);
        math("atan", Math::atan);
        math("sinh", Math::sinh);
        math("cosh", Math::cosh);
        math("tanh", Math::tanh);
        math("asinh", FunctionTable::asinh);
        math("acosh", v -> Math.log(v + Math.sqrt(v * v - 1)));
        math("atanh", v -> 0.5 * Math.log((1 + v) / (1 - v)));
        math("deg", v -> v * 180 / Math.PI);
        math("rad", v -> v * Math.PI / 180);
        TABLE.put("round", InstantFunctions.ROUND);
        TABLE.put("clamp", InstantFunctions.CLAMP);
        TABLE.put("clamp_min", InstantFunctions.CLAMP_MIN);
        TABLE.put("clamp_max", InstantFunctions.CLAMP_MAX);

        date("year", t -> t.getYear());
        date("month", t -> t.getMonthValue());
        date("day_of_month", t -> t.getDayOfMonth());
        date("day_of_week", t -> t.getDayOfWeek().getValue() % 7);
        date("day_of_year", t -> t.getDayOfYear());
        date("days_in_month", t -> t.toLocalDate().lengthOfMonth());
        date("hour", t -> t.getHour());
        date("minute", t -> t.getMinute());

        TABLE.put("rate", new RangeFunction(RangeKernels::rate, false, 0, ExtendedRangeKernels::rate, true));
        TABLE.put("increase", new RangeFunction(RangeKernels::increase, false, 0, ExtendedRangeKernels::increase, true));
        TABLE.put("delta", new RangeFunction(RangeKernels::delta, false, 0, ExtendedRangeKernels::delta, true));
        range("irate", RangeKernels::irate);
        range("idelta", RangeKernels::idelta);
        TABLE.put("resets", new RangeFunction(RangeKernels::resets, false, 0, ExtendedRangeKernels::resets, false));
        TABLE.put("changes", new RangeFunction(RangeKernels::changes, false, 0, ExtendedRangeKernels::changes, false));
        range("deriv", RangeKernels::deriv);
        range("predict_linear", RangeKernels::predictLinear);
        range("sum_over_time", RangeKernels::sumOverTime);
        range("avg_over_time", RangeKernels::avgOverTime);
        range("min_over_time", RangeKernels::minOverTime);
        range("max_over_time", RangeKernels::maxOverTime);
        range("count_over_time", RangeKernels::countOverTime);
        range("present_over_time", RangeKernels::presentOverTime);
        range("stddev_over_time", RangeKernels::stddevOverTime);
        range("stdvar_over_time", RangeKernels::stdvarOverTime);
        range("mad_over_time", RangeKernels::madOverTime);
        range("ts_of_first_over_time", RangeKernels::tsOfFirstOverTime);
        range("ts_of_last_over_time", RangeKernels::tsOfLastOverTime);
        range("ts_of_min_over_time", RangeKernels::tsOfMinOverTime);
        range("ts_of_max_over_time", RangeKernels::tsOfMaxOverTime);
        range("double_exponential_smoothing", RangeKernels::doubleExponentialSmoothing);
        TABLE.put("last_over_time", new RangeFunction(RangeKernels::lastOverTime, true, 0));
        TABLE.put("first_over_time", new RangeFunction(RangeKernels::firstOverTime, true, 0));
        TABLE.put("quantile_over_time", new RangeFunction(RangeKernels::quantileOverTime, false, 1));

        TABLE.put("time", MiscFunctions::time);
        TABLE.put("pi", MiscFunctions::pi);
        TABLE.put("vector", MiscFunctions::vector);
        TABLE.put("scalar", MiscFunctions::scalar);
        TABLE.put("timestamp", MiscFunctions::timestamp);
        TABLE.put("absent", MiscFunctions::absent);
        TABLE.put("absent_over_time", MiscFunctions::absentOverTime);
        TABLE.put("sort", (ev, c, g) -> MiscFunctions.sort(ev, c, g, false));
        TABLE.put("sort_desc", (ev, c, g) -> MiscFunctions.sort(ev, c, g, true));
        TABLE.put("sort_by_label", (ev, c, g) -> MiscFunctions.sortByLabel(ev, c, g, false));
        TABLE.put("sort_by_label_desc", (ev, c, g) -> MiscFunctions.sortByLabel(ev, c, g, true));
        TABLE.put("label_replace", LabelFunctions::labelReplace);
        TABLE.put("label_join", LabelFunctions::labelJoin);
        TABLE.put("info", InfoFunction::eval);
        TABLE.put("histogram_quantile", HistogramQuantile::quantile);
        TABLE.put("histogram_fraction", HistogramQuantile::fraction);
        for (String name : new String[] {"histogram_count", "histogram_sum", "histogram_avg", "histogram_stddev",
                "histogram_stdvar"}) {
            TABLE.put(name, MiscFunctions::histogramOnly);
        }
    }

    private FunctionTable() {
    }

    /** The implementation of {@code name}; functions the engine lacks fail the query with a clear error. */
    static FunctionImpl get(String name) {
        FunctionImpl f = TABLE.get(name);
        if (f == null) {
            return MiscFunctions::unsupported;
        }
        return f;
    }

    private static void math(String name, java.util.function.DoubleUnaryOperator op) {
        TABLE.put(name, InstantFunctions.math(op));
    }

    private static void date(String name, InstantFunctions.DateField field) {
        TABLE.put(name, InstantFunctions.date(field));
    }

    private static void range(String name, RangeKernel kernel) {
        TABLE.put(name, new RangeFunction(kernel, false, 0));
    }

    /** Go's math.Asinh, exact for the sign of zero and for large arguments. */
    private static double asinh(double x) {
        if (x == 0 || Double.isNaN(x) || Double.isInfinite(x)) {
            return x;
        }
        double a = Math.abs(x);
        double r = a > 1e8 ? Math.log(a) + Math.log(2) : Math.log(a + Math.sqrt(a * a + 1));
        return x < 0 ? -r : r;
    }
}

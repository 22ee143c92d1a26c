package io.thanosjava.engine.eval;

import io.thanosjava.engine.functions.DateFunctions;
import io.thanosjava.engine.functions.InstantMath;
import io.thanosjava.engine.functions.OverTime;
import java.util.HashMap;
import java.util.Map;

/** Every PromQL function the engine evaluates, keyed by name. */
final class FunctionTable {
    private static final Map<String, FunctionImpl> TABLE = new HashMap<>();

    static {
        math("abs", InstantMath::abs);
        math("ceil", InstantMath::ceil);
        math("floor", InstantMath::floor);
        math("exp", InstantMath::exp);
        math("sqrt", InstantMath::sqrt);
        math("ln", InstantMath::ln);
        math("log2", InstantMath::log2);
        math("log10", InstantMath::log10);
        math("sgn", InstantMath::sgn);
        math("sin", InstantMath::sin);
        math("cos", InstantMath::cos);
        math("tan", InstantMath::tan);
        math("asin", InstantMath::asin);
        math("acos", InstantMath::acos);
        math("atan", InstantMath::atan);
        math("sinh", InstantMath::sinh);
        math("cosh", InstantMath::cosh);
        math("tanh", InstantMath::tanh);
        math("asinh", InstantMath::asinh);
        math("acosh", InstantMath::acosh);
        math("atanh", InstantMath::atanh);
        math("deg", InstantMath::deg);
        math("rad", InstantMath::rad);
        TABLE.put("round", InstantFunctions.ROUND);
        TABLE.put("clamp", InstantFunctions.CLAMP);
        TABLE.put("clamp_min", InstantFunctions.CLAMP_MIN);
        TABLE.put("clamp_max", InstantFunctions.CLAMP_MAX);

        date("year", DateFunctions::year);
        date("month", DateFunctions::month);
        date("day_of_month", DateFunctions::dayOfMonth);
        date("day_of_week", DateFunctions::dayOfWeek);
        date("day_of_year", DateFunctions::dayOfYear);
        date("days_in_month", DateFunctions::daysInMonth);
        date("hour", DateFunctions::hour);
        date("minute", DateFunctions::minute);

        TABLE.put("rate", new RangeFunction(RangeKernels::rate, false, 0, ExtendedRangeKernels::rate, true));
        TABLE.put("increase", new RangeFunction(RangeKernels::increase, false, 0, ExtendedRangeKernels::increase, true));
        TABLE.put("delta", new RangeFunction(RangeKernels::delta, false, 0, ExtendedRangeKernels::delta, true));
        range("irate", RangeKernels::irate);
        range("idelta", RangeKernels::idelta);
        TABLE.put("resets", new RangeFunction(RangeKernels::resets, false, 0, ExtendedRangeKernels::resets, false));
        TABLE.put("changes", new RangeFunction(RangeKernels::changes, false, 0, ExtendedRangeKernels::changes, false));
        range("deriv", RangeKernels::deriv);
        range("predict_linear", RangeKernels::predictLinear);
        range("sum_over_time", w -> result(w, OverTime.sum(w.v, w.from, w.to)));
        range("avg_over_time", w -> result(w, OverTime.avg(w.v, w.from, w.to)));
        range("min_over_time", w -> result(w, OverTime.min(w.v, w.from, w.to)));
        range("max_over_time", w -> result(w, OverTime.max(w.v, w.from, w.to)));
        range("count_over_time", w -> result(w, OverTime.count(w.from, w.to)));
        range("present_over_time", w -> result(w, OverTime.present(w.from, w.to)));
        range("stddev_over_time", w -> result(w, OverTime.stddev(w.v, w.from, w.to)));
        range("stdvar_over_time", w -> result(w, OverTime.stdvar(w.v, w.from, w.to)));
        range("mad_over_time", RangeKernels::madOverTime);
        range("ts_of_first_over_time", w -> result(w, OverTime.timestampOfFirst(w.t, w.from, w.to)));
        range("ts_of_last_over_time", w -> result(w, OverTime.timestampOfLast(w.t, w.from, w.to)));
        range("ts_of_min_over_time", w -> result(w, OverTime.timestampOfMin(w.t, w.v, w.from, w.to)));
        range("ts_of_max_over_time", w -> result(w, OverTime.timestampOfMax(w.t, w.v, w.from, w.to)));
        range("double_exponential_smoothing", RangeKernels::doubleExponentialSmoothing);
        TABLE.put("last_over_time", new RangeFunction(w -> result(w, OverTime.last(w.v, w.from, w.to)), true, 0));
        TABLE.put("first_over_time", new RangeFunction(w -> result(w, OverTime.first(w.v, w.from, w.to)), true, 0));
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
        TABLE.put("label_replace", LabelRewrites::labelReplace);
        TABLE.put("label_join", LabelRewrites::labelJoin);
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

    private static void date(String name, java.util.function.DoubleUnaryOperator field) {
        TABLE.put(name, InstantFunctions.date(field));
    }

    private static void range(String name, RangeKernel kernel) {
        TABLE.put(name, new RangeFunction(kernel, false, 0));
    }

    /** Stores a kernel's value as the window's output. */
    private static boolean result(Window w, double v) {
        w.result = v;
        return true;
    }
}

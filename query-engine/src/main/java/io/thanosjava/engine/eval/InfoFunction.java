package io.thanosjava.engine.eval;

import io.thanosjava.model.LabelMatcher;
import io.thanosjava.model.Labels;
import io.thanosjava.promql.ast.Call;
import io.thanosjava.promql.ast.Expr;
import io.thanosjava.promql.ast.VectorSelector;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The experimental {@code info(v, [selector])}: adds the data labels of info series (by default
 * {@code target_info}) that share the identifying labels {@code instance} and {@code job} with
 * each series. Labels the series already has win; with data-label matchers only those labels are
 * added and a series whose resulting labels do not match them is dropped.
 */
final class InfoFunction {
    private static final List<String> IDENTIFYING = List.of("instance", "job");

    private InfoFunction() {
    }

    static EvalResult eval(Evaluator ev, Call call, StepGrid g) {
        List<StepSeries> in = ev.vectors(call.args().get(0), g);
        List<LabelMatcher> nameMatchers = new ArrayList<>();
        List<LabelMatcher> dataMatchers = new ArrayList<>();
        if (call.args().size() > 1) {
            Expr sel = Evaluator.unwrapParens(call.args().get(1));
            for (LabelMatcher m : ((VectorSelector) sel).matchers()) {
                (m.name().equals(Labels.METRIC_NAME) ? nameMatchers : dataMatchers).add(m);
            }
        }
        if (nameMatchers.isEmpty()) {
            nameMatchers.add(LabelMatcher.of(LabelMatcher.Type.EQ, Labels.METRIC_NAME, "target_info"));
        }
        VectorSelector infoSelector = new VectorSelector(null, nameMatchers);
        List<StepSeries> info = ev.selectInstant(infoSelector, g, true, "info").series();
        Map<Labels, StepSeries> out = new HashMap<>();
        List<StepSeries> order = new ArrayList<>();
        for (StepSeries s : in) {
            if (matchesAll(nameMatchers, s.labels)) {
                add(out, order, s.labels, s, -1, g.count());
                continue;
            }
            Labels id = s.labels.keep(IDENTIFYING);
            for (int st = 0; st < g.count(); st++) {
                if (!s.has(st)) {
                    continue;
                }
                Labels enriched = enrich(s.labels, id, info, st, dataMatchers);
                if (enriched != null) {
                    add(out, order, enriched, s, st, g.count());
                }
            }
        }
        return new EvalResult.Vectors(order);
    }

    private static void add(Map<Labels, StepSeries> out, List<StepSeries> order, Labels labels, StepSeries src, int step,
                            int steps) {
        StepSeries o = out.get(labels);
        if (o == null) {
            o = new StepSeries(labels, steps);
            o.dropName = src.dropName;
            out.put(labels, o);
            order.add(o);
        }
        for (int st = step < 0 ? 0 : step; st < (step < 0 ? steps : step + 1); st++) {
            if (src.has(st)) {
                o.set(st, src.get(st));
            }
        }
    }

    /** The series' labels plus the data labels of its info series at this step; null when data matchers reject it. */
    private static Labels enrich(Labels base, Labels id, List<StepSeries> info, int st, List<LabelMatcher> dataMatchers) {
        // per info metric name, the series with the newest sample wins
        Map<String, StepSeries> newest = new HashMap<>();
        for (StepSeries i : info) {
            if (!i.has(st) || !i.labels.keep(IDENTIFYING).equals(id) || id.isEmpty()) {
                continue;
            }
            String name = i.labels.getOrEmpty(Labels.METRIC_NAME);
            StepSeries prev = newest.get(name);
            if (prev == null || prev.get(st) < i.get(st)) {
                newest.put(name, i);
            }
        }
        Labels.Builder b = base.toBuilder();
        for (StepSeries i : newest.values()) {
            for (int k = 0; k < i.labels.size(); k++) {
                String n = i.labels.name(k);
                if (n.equals(Labels.METRIC_NAME) || IDENTIFYING.contains(n) || base.has(n)) {
                    continue;
                }
                if (!dataMatchers.isEmpty() && !namedBy(dataMatchers, n)) {
                    continue;
                }
                b.set(n, i.labels.value(k));
            }
        }
        Labels result = b.build();
        return matchesAll(dataMatchers, result) ? result : null;
    }

    private static boolean namedBy(List<LabelMatcher> matchers, String name) {
        for (LabelMatcher m : matchers) {
            if (m.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matchesAll(List<LabelMatcher> matchers, Labels l) {
        for (LabelMatcher m : matchers) {
            if (!m.matches(l)) {
                return false;
            }
        }
        return true;
    }
}

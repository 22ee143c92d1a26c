package io.thanosjava.engine.eval;

import io.thanosjava.engine.QueryException;
import io.thanosjava.engine.functions.InvalidFunctionArgumentException;
import io.thanosjava.engine.functions.LabelFunctions;
import io.thanosjava.model.Labels;
import io.thanosjava.promql.ast.Call;
import java.util.List;

/**
 * {@code label_replace} and {@code label_join} as evaluator functions: arguments are validated by
 * {@link LabelFunctions} before the vector is evaluated, then every series' labels are rewritten;
 * series that end up with equal labels are merged (or rejected) afterwards.
 */
final class LabelRewrites {
    private LabelRewrites() {
    }

    static EvalResult labelReplace(Evaluator ev, Call call, StepGrid g) {
        LabelFunctions.Replace replace;
        try {
            replace = LabelFunctions.labelReplace(str(ev, call, 1, g), str(ev, call, 2, g), str(ev, call, 3, g),
                    str(ev, call, 4, g));
        } catch (InvalidFunctionArgumentException e) {
            throw QueryException.execution(e.getMessage());
        }
        List<StepSeries> in = ev.vectors(call.args().get(0), g);
        boolean renames = replace.destination().equals(Labels.METRIC_NAME);
        for (StepSeries s : in) {
            Labels rewritten = replace.apply(s.labels);
            if (rewritten != null) {
                s.labels = rewritten;
                s.dropName &= !renames;
            }
        }
        return new EvalResult.Vectors(NameDropping.mergeSameLabels(in, false));
    }

    static EvalResult labelJoin(Evaluator ev, Call call, StepGrid g) {
        String[] srcs = new String[call.args().size() - 3];
        for (int i = 0; i < srcs.length; i++) {
            srcs[i] = str(ev, call, i + 3, g);
        }
        LabelFunctions.Join join;
        try {
            join = LabelFunctions.labelJoin(str(ev, call, 1, g), str(ev, call, 2, g), srcs);
        } catch (InvalidFunctionArgumentException e) {
            throw QueryException.execution(e.getMessage());
        }
        List<StepSeries> in = ev.vectors(call.args().get(0), g);
        boolean renames = join.destination().equals(Labels.METRIC_NAME);
        for (StepSeries s : in) {
            s.labels = join.apply(s.labels);
            s.dropName &= !renames;
        }
        return new EvalResult.Vectors(NameDropping.mergeSameLabels(in, false));
    }

    private static String str(Evaluator ev, Call call, int i, StepGrid g) {
        return ((EvalResult.Str) ev.eval(call.args().get(i), g)).value();
    }
}

package io.thanosjava.engine.eval;

import io.thanosjava.promql.ast.Call;

/** One PromQL function: evaluates its arguments through the evaluator and computes every step. */
@FunctionalInterface
interface FunctionImpl {
    EvalResult call(Evaluator ev, Call call, StepGrid g);
}

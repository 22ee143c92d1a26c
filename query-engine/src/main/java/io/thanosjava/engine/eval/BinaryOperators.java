package io.thanosjava.engine.eval;

import io.thanosjava.engine.QueryException;
import io.thanosjava.model.Labels;
import io.thanosjava.promql.ast.BinaryExpr;
import io.thanosjava.promql.ast.BinaryOp;
import io.thanosjava.promql.ast.VectorMatching.Cardinality;
import io.thanosjava.promql.ast.VectorMatching;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Binary operators over all steps: scalar/scalar, vector/scalar, vector matching and set operators. */
final class BinaryOperators {
    private BinaryOperators() {
    }

    static EvalResult eval(Evaluator ev, BinaryExpr b, StepGrid g) {
        EvalResult l = ev.eval(b.lhs(), g);
        EvalResult r = ev.eval(b.rhs(), g);
        boolean delayed = ev.ctx.delayedNameRemoval();
        if (l instanceof EvalResult.Scalars ls && r instanceof EvalResult.Scalars rs) {
            return scalarScalar(b.op(), ls.values(), rs.values());
        }
        if (l instanceof EvalResult.Vectors lv && r instanceof EvalResult.Scalars rs) {
            return vectorScalar(b, lv.series(), rs.values(), false, delayed);
        }
        if (l instanceof EvalResult.Scalars ls && r instanceof EvalResult.Vectors rv) {
            return vectorScalar(b, rv.series(), ls.values(), true, delayed);
        }
        List<StepSeries> lhs = ((EvalResult.Vectors) l).series();
        List<StepSeries> rhs = ((EvalResult.Vectors) r).series();
        VectorMatching m = b.matching() == null ? VectorMatching.oneToOne() : b.matching();
        if (b.op().isSetOperator()) {
            return new EvalResult.Vectors(setOperation(b.op(), lhs, rhs, m, g.count()));
        }
        return new EvalResult.Vectors(vectorVector(b, lhs, rhs, m, g.count(), delayed));
    }

    private static EvalResult scalarScalar(BinaryOp op, double[] l, double[] r) {
        double[] out = new double[l.length];
        for (int i = 0; i < l.length; i++) {
            out[i] = op.isComparison() ? (Arithmetic.compare(op, l[i], r[i]) ? 1 : 0) : Arithmetic.apply(op, l[i], r[i]);
        }
        return new EvalResult.Scalars(out);
    }

    private static EvalResult vectorScalar(BinaryExpr b, List<StepSeries> vec, double[] scalar, boolean scalarLeft,
                                           boolean delayed) {
        BinaryOp op = b.op();
        boolean comparison = op.isComparison();
        List<StepSeries> out = new ArrayList<>(vec.size());
        for (StepSeries s : vec) {
            StepSeries o = new StepSeries(s.labels, s.steps());
            o.dropName = s.dropName;
            for (int i = 0; i < s.steps(); i++) {
                if (!s.has(i)) {
                    continue;
                }
                double v = s.values[i];
                double lv = scalarLeft ? scalar[i] : v;
                double rv = scalarLeft ? v : scalar[i];
                if (comparison) {
                    boolean keep = Arithmetic.compare(op, lv, rv);
                    if (b.returnBool()) {
                        o.set(i, keep ? 1 : 0);
                    } else if (keep) {
                        o.set(i, v);
                    }
                } else {
                    o.set(i, Arithmetic.apply(op, lv, rv));
                }
            }
            if (!comparison || b.returnBool()) {
                NameDropping.drop(o, delayed);
            }
            out.add(o);
        }
        return new EvalResult.Vectors(NameDropping.mergeSameLabels(out, false));
    }

    /** The labels two series are matched on. */
    private static Labels matchKey(Labels l, VectorMatching m) {
        if (m.on()) {
            return l.keep(m.matchingLabels());
        }
        List<String> drop = new ArrayList<>(m.matchingLabels().size() + 1);
        drop.addAll(m.matchingLabels());
        drop.add(Labels.METRIC_NAME);
        return l.without(drop);
    }

    /** Dense match-key ids for both sides; ids index per-step arrays instead of hashing per step. */
    private static final class Keys {
        final Map<Labels, Integer> ids = new HashMap<>();
        final List<Labels> byId = new ArrayList<>();

        int[] assign(List<StepSeries> side, VectorMatching m) {
            int[] out = new int[side.size()];
            for (int i = 0; i < out.length; i++) {
                Labels k = matchKey(side.get(i).labels, m);
                Integer id = ids.get(k);
                if (id == null) {
                    id = byId.size();
                    ids.put(k, id);
                    byId.add(k);
                }
                out[i] = id;
            }
            return out;
        }
    }

    private static List<StepSeries> setOperation(BinaryOp op, List<StepSeries> lhs, List<StepSeries> rhs,
                                                 VectorMatching m, int steps) {
        Keys keys = new Keys();
        int[] lk = keys.assign(lhs, m);
        int[] rk = keys.assign(rhs, m);
        // stamp[key] == step + 1 when the key is present on the relevant side at that step
        int[] stamp = new int[keys.byId.size()];
        List<StepSeries> out = new ArrayList<>();
        StepSeries[] lo = copiesOf(lhs);
        StepSeries[] ro = op == BinaryOp.OR ? copiesOf(rhs) : null;
        for (int s = 0; s < steps; s++) {
            List<StepSeries> marker = op == BinaryOp.OR ? lhs : rhs;
            int[] mk = op == BinaryOp.OR ? lk : rk;
            for (int i = 0; i < marker.size(); i++) {
                if (marker.get(i).has(s)) {
                    stamp[mk[i]] = s + 1;
                }
            }
            if (op == BinaryOp.OR) {
                for (int i = 0; i < lhs.size(); i++) {
                    if (lhs.get(i).has(s)) {
                        lo[i].set(s, lhs.get(i).values[s]);
                    }
                }
                for (int i = 0; i < rhs.size(); i++) {
                    if (rhs.get(i).has(s) && stamp[rk[i]] != s + 1) {
                        ro[i].set(s, rhs.get(i).values[s]);
                    }
                }
            } else {
                boolean wantPresent = op == BinaryOp.AND;
                for (int i = 0; i < lhs.size(); i++) {
                    if (lhs.get(i).has(s) && (stamp[lk[i]] == s + 1) == wantPresent) {
                        lo[i].set(s, lhs.get(i).values[s]);
                    }
                }
            }
        }
        out.addAll(Arrays.asList(lo));
        if (ro != null) {
            out.addAll(Arrays.asList(ro));
        }
        return NameDropping.mergeSameLabels(out, false);
    }

    private static StepSeries[] copiesOf(List<StepSeries> in) {
        StepSeries[] out = new StepSeries[in.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = new StepSeries(in.get(i).labels, in.get(i).steps());
            out[i].dropName = in.get(i).dropName;
        }
        return out;
    }

    private static List<StepSeries> vectorVector(BinaryExpr b, List<StepSeries> lhs, List<StepSeries> rhs,
                                                 VectorMatching m, int steps, boolean delayed) {
        BinaryOp op = b.op();
        Cardinality card = m.cardinality();
        boolean swap = card == Cardinality.ONE_TO_MANY;
        List<StepSeries> many = swap ? rhs : lhs;
        List<StepSeries> one = swap ? lhs : rhs;
        Keys keys = new Keys();
        int[] manyKeys = keys.assign(many, m);
        int[] oneKeys = keys.assign(one, m);
        int nk = keys.byId.size();
        int[] oneAt = new int[nk];
        int[] oneStamp = new int[nk];
        int[] matchedStamp = new int[nk];
        // the output series of each "many" series' latest pair: pairs rarely change between steps
        int[] pairedOne = new int[many.size()];
        Arrays.fill(pairedOne, -1);
        StepSeries[] pairedOut = new StepSeries[many.size()];
        Map<Labels, StepSeries> outByLabels = new HashMap<>();
        List<StepSeries> out = new ArrayList<>();
        String oneSide = swap ? "left" : "right";
        for (int s = 0; s < steps; s++) {
            int stamp = s + 1;
            for (int i = 0; i < one.size(); i++) {
                if (!one.get(i).has(s)) {
                    continue;
                }
                int k = oneKeys[i];
                if (oneStamp[k] == stamp) {
                    throw QueryException.execution("found duplicate series for the match group " + keys.byId.get(k)
                            + " on the " + oneSide + " hand-side of the operation: [" + one.get(oneAt[k]).labels + ", "
                            + one.get(i).labels + "];many-to-many matching not allowed: matching labels must be unique on one side");
                }
                oneStamp[k] = stamp;
                oneAt[k] = i;
            }
            for (int i = 0; i < many.size(); i++) {
                StepSeries ms = many.get(i);
                if (!ms.has(s)) {
                    continue;
                }
                int k = manyKeys[i];
                if (oneStamp[k] != stamp) {
                    continue;
                }
                if (card == Cardinality.ONE_TO_ONE) {
                    if (matchedStamp[k] == stamp) {
                        throw QueryException.execution(
                                "multiple matches for labels: many-to-one matching must be explicit (group_left/group_right)");
                    }
                    matchedStamp[k] = stamp;
                }
                int o = oneAt[k];
                double fl = swap ? one.get(o).values[s] : ms.values[s];
                double fr = swap ? ms.values[s] : one.get(o).values[s];
                double value;
                if (op.isComparison()) {
                    boolean keep = Arithmetic.compare(op, fl, fr);
                    if (b.returnBool()) {
                        value = keep ? 1 : 0;
                    } else if (keep) {
                        value = fl;
                    } else {
                        continue;
                    }
                } else {
                    value = Arithmetic.apply(op, fl, fr);
                }
                StepSeries target = pairedOne[i] == o ? pairedOut[i] : null;
                if (target == null) {
                    Labels labels = resultLabels(ms.labels, one.get(o).labels, b, m, delayed);
                    target = outByLabels.get(labels);
                    if (target == null) {
                        target = new StepSeries(labels, steps);
                        target.dropName = op.isComparison() && (b.returnBool() ? delayed : ms.dropName);
                        outByLabels.put(labels, target);
                        out.add(target);
                    }
                    pairedOne[i] = o;
                    pairedOut[i] = target;
                }
                if (target.has(s)) {
                    throw QueryException.execution("multiple matches for labels: grouping labels must ensure unique matches");
                }
                target.set(s, value);
            }
        }
        return out;
    }

    /**
     * Prometheus' {@code resultMetric}: output labels of a matched pair. Arithmetic drops the name
     * at once even under delayed removal; {@code bool} comparisons drop it (or mark it, when delayed).
     */
    private static Labels resultLabels(Labels many, Labels one, BinaryExpr b, VectorMatching m, boolean delayed) {
        Labels base = many;
        if (m.cardinality() == Cardinality.ONE_TO_ONE) {
            base = m.on() ? many.keep(m.matchingLabels()) : many.without(m.matchingLabels());
        }
        if (!b.op().isComparison() || b.returnBool() && !delayed) {
            base = NameDropping.dropName(base);
        }
        if (m.include().isEmpty()) {
            return base;
        }
        Labels.Builder lb = base.toBuilder();
        for (String n : m.include()) {
            String v = one.get(n);
            lb.set(n, v == null ? "" : v);
        }
        return lb.build();
    }
}

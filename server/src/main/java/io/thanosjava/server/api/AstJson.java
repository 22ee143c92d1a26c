package io.thanosjava.server.api;

import io.thanosjava.model.GoFloatFormat;
import io.thanosjava.model.LabelMatcher;
import io.thanosjava.promql.ast.AggregateExpr;
import io.thanosjava.promql.ast.AtModifier;
import io.thanosjava.promql.ast.BinaryExpr;
import io.thanosjava.promql.ast.Call;
import io.thanosjava.promql.ast.Expr;
import io.thanosjava.promql.ast.ExprVisitor;
import io.thanosjava.promql.ast.MatrixSelector;
import io.thanosjava.promql.ast.NumberLiteral;
import io.thanosjava.promql.ast.ParenExpr;
import io.thanosjava.promql.ast.StringLiteral;
import io.thanosjava.promql.ast.SubqueryExpr;
import io.thanosjava.promql.ast.UnaryExpr;
import io.thanosjava.promql.ast.ValueType;
import io.thanosjava.promql.ast.VectorMatching;
import io.thanosjava.promql.ast.VectorSelector;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The syntax tree as {@code /api/v1/parse_query} returns it (the shape Prometheus' UI tree view
 * reads). Maps are sorted by key because Go's JSON encoder writes map keys in sorted order.
 */
final class AstJson implements ExprVisitor<Object> {
    static Object of(Expr expr) {
        return expr == null ? null : expr.accept(new AstJson());
    }

    private static Map<String, Object> node(String type) {
        Map<String, Object> m = new TreeMap<>();
        m.put("type", type);
        return m;
    }

    @Override
    public Object visitNumber(NumberLiteral n) {
        Map<String, Object> m = node("numberLiteral");
        m.put("val", GoFloatFormat.formatF(n.value()));
        return m;
    }

    @Override
    public Object visitString(StringLiteral n) {
        Map<String, Object> m = node("stringLiteral");
        m.put("val", n.value());
        return m;
    }

    @Override
    public Object visitVectorSelector(VectorSelector n) {
        Map<String, Object> m = node("vectorSelector");
        selector(m, n);
        return m;
    }

    @Override
    public Object visitMatrixSelector(MatrixSelector n) {
        Map<String, Object> m = node("matrixSelector");
        selector(m, n.selector());
        m.put("range", n.rangeMillis());
        return m;
    }

    private static void selector(Map<String, Object> m, VectorSelector vs) {
        m.put("name", vs.metricName() == null ? "" : vs.metricName());
        m.put("offset", vs.offsetMillis());
        List<Object> matchers = new ArrayList<>();
        for (LabelMatcher lm : vs.matchers()) {
            Map<String, Object> x = new TreeMap<>();
            x.put("name", lm.name());
            x.put("value", lm.value());
            x.put("type", lm.type().op());
            matchers.add(x);
        }
        m.put("matchers", matchers);
        at(m, vs.at());
    }

    private static void at(Map<String, Object> m, AtModifier at) {
        m.put("timestamp", at != null && at.kind() == AtModifier.Kind.TIMESTAMP ? at.timestampMillis() : null);
        m.put("startOrEnd", at == null || at.kind() == AtModifier.Kind.TIMESTAMP ? null : at.kind().name().toLowerCase(Locale.ROOT));
    }

    @Override
    public Object visitSubquery(SubqueryExpr n) {
        Map<String, Object> m = node("subquery");
        m.put("expr", of(n.expr()));
        m.put("range", n.rangeMillis());
        m.put("offset", n.offsetMillis());
        m.put("step", n.stepMillis());
        at(m, n.at());
        return m;
    }

    @Override
    public Object visitCall(Call n) {
        Map<String, Object> m = node("call");
        Map<String, Object> f = new TreeMap<>();
        f.put("name", n.function().name());
        f.put("argTypes", n.function().argTypes().stream().map(ValueType::apiName).toList());
        f.put("variadic", n.function().variadic());
        f.put("returnType", n.function().returnType().apiName());
        m.put("func", f);
        m.put("args", n.args().stream().map(AstJson::of).toList());
        return m;
    }

    @Override
    public Object visitAggregate(AggregateExpr n) {
        Map<String, Object> m = node("aggregation");
        m.put("op", n.op().keyword());
        m.put("expr", of(n.expr()));
        m.put("param", of(n.param()));
        m.put("grouping", n.grouping());
        m.put("without", n.without());
        return m;
    }

    @Override
    public Object visitBinary(BinaryExpr n) {
        Map<String, Object> m = node("binaryExpr");
        m.put("op", n.op().symbol());
        m.put("lhs", of(n.lhs()));
        m.put("rhs", of(n.rhs()));
        m.put("bool", n.returnBool());
        VectorMatching vm = n.matching();
        boolean vectors = n.lhs().type() == ValueType.INSTANT_VECTOR && n.rhs().type() == ValueType.INSTANT_VECTOR;
        if (vm != null && vectors) {
            Map<String, Object> x = new TreeMap<>();
            x.put("card", vm.cardinality().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            x.put("labels", vm.matchingLabels());
            x.put("on", vm.on());
            x.put("include", vm.include());
            m.put("matching", x);
        } else {
            m.put("matching", null);
        }
        return m;
    }

    @Override
    public Object visitUnary(UnaryExpr n) {
        Map<String, Object> m = node("unaryExpr");
        m.put("op", n.op().symbol());
        m.put("expr", of(n.expr()));
        return m;
    }

    @Override
    public Object visitParen(ParenExpr n) {
        Map<String, Object> m = node("parenExpr");
        m.put("expr", of(n.expr()));
        return m;
    }
}

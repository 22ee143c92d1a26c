package io.thanosjava.promql.ast;

/** The type an expression evaluates to. */
public enum ValueType {
    SCALAR("scalar", "scalar"),
    STRING("string", "string"),
    INSTANT_VECTOR("vector", "instant vector"),
    RANGE_VECTOR("matrix", "range vector");

    private final String apiName;
    private final String documentedName;

    ValueType(String apiName, String documentedName) {
        this.apiName = apiName;
        this.documentedName = documentedName;
    }

    /** The name used in the HTTP API's {@code resultType} ({@code vector}, {@code matrix}, ...). */
    public String apiName() {
        return apiName;
    }

    /** The name used in parse error messages ({@code instant vector}, {@code range vector}, ...). */
    public String documentedName() {
        return documentedName;
    }
}

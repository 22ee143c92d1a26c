package io.thanosjava.promql.ast;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * How the series of two instant vectors are paired by a binary operator.
 *
 * @param matchingLabels the {@code on(...)} / {@code ignoring(...)} labels
 * @param on true for {@code on}, false for {@code ignoring} or no clause
 * @param include the extra labels of {@code group_left(...)} / {@code group_right(...)}
 * @param fillLeft newer syntax {@code fill_left(v)}/{@code fill(v)}: value used for a missing left-hand sample, else null
 * @param fillRight newer syntax {@code fill_right(v)}/{@code fill(v)}: value for a missing right-hand sample, else null
 */
public record VectorMatching(Cardinality cardinality, List<String> matchingLabels, boolean on, List<String> include,
                             Double fillLeft, Double fillRight) {
    public enum Cardinality { ONE_TO_ONE, MANY_TO_ONE, ONE_TO_MANY, MANY_TO_MANY }

    public VectorMatching {
        requireNonNull(cardinality, "cardinality is null");
        matchingLabels = List.copyOf(requireNonNull(matchingLabels, "matchingLabels is null"));
        include = List.copyOf(requireNonNull(include, "include is null"));
    }

    public VectorMatching(Cardinality cardinality, List<String> matchingLabels, boolean on, List<String> include) {
        this(cardinality, matchingLabels, on, include, null, null);
    }

    /** Default one-to-one matching on all labels. */
    public static VectorMatching oneToOne() {
        return new VectorMatching(Cardinality.ONE_TO_ONE, List.of(), false, List.of());
    }
}

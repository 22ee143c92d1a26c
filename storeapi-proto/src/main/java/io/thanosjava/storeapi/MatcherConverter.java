package io.thanosjava.storeapi;

import static java.util.Objects.requireNonNull;

import io.thanosjava.model.LabelMatcher;

/**
 * {@link LabelMatcher} to and from the Thanos ({@code thanos.LabelMatcher}) and Prometheus
 * ({@code prometheus.LabelMatcher}) wire matchers. Both number the types EQ=0, NEQ=1, RE=2, NRE=3.
 * The regex travels as written (unanchored); decoding compiles it with the model's anchoring.
 */
public final class MatcherConverter {
    private MatcherConverter() {}

    /**
     * @throws InvalidWireDataException for a matcher type this version does not know
     * @throws io.thanosjava.model.InvalidMatcherException for a regex that does not compile
     */
    public static LabelMatcher fromThanos(io.thanosjava.storeapi.proto.store.LabelMatcher m) {
        requireNonNull(m, "matcher is null");
        return LabelMatcher.of(modelType(m.getTypeValue()), m.getName(), m.getValue());
    }

    /**
     * @throws InvalidWireDataException for a matcher type this version does not know
     * @throws io.thanosjava.model.InvalidMatcherException for a regex that does not compile
     */
    public static LabelMatcher fromProm(io.thanosjava.storeapi.proto.prompb.LabelMatcher m) {
        requireNonNull(m, "matcher is null");
        return LabelMatcher.of(modelType(m.getTypeValue()), m.getName(), m.getValue());
    }

    public static io.thanosjava.storeapi.proto.store.LabelMatcher toThanos(LabelMatcher m) {
        requireNonNull(m, "matcher is null");
        return io.thanosjava.storeapi.proto.store.LabelMatcher.newBuilder()
                .setTypeValue(m.type().ordinal())
                .setName(m.name())
                .setValue(m.value())
                .build();
    }

    public static io.thanosjava.storeapi.proto.prompb.LabelMatcher toProm(LabelMatcher m) {
        requireNonNull(m, "matcher is null");
        return io.thanosjava.storeapi.proto.prompb.LabelMatcher.newBuilder()
                .setTypeValue(m.type().ordinal())
                .setName(m.name())
                .setValue(m.value())
                .build();
    }

    /** The model enum is declared in wire order (EQ, NEQ, RE, NRE), so the number is the ordinal. */
    private static LabelMatcher.Type modelType(int wireNumber) {
        LabelMatcher.Type[] types = LabelMatcher.Type.values();
        if (wireNumber < 0 || wireNumber >= types.length) {
            throw new InvalidWireDataException("unknown label matcher type " + wireNumber);
        }
        return types[wireNumber];
    }
}

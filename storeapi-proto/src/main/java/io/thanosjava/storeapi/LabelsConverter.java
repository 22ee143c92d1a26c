package io.thanosjava.storeapi;

import static java.util.Objects.requireNonNull;

import com.google.protobuf.ByteString;
import io.thanosjava.model.Labels;
import java.util.ArrayList;
import java.util.List;

/**
 * Wire label lists (Thanos {@code thanos.Label}, Prometheus {@code prometheus.Label}) to and from
 * {@link Labels}.
 *
 * <p>Names and values travel as bytes. Invalid UTF-8 decodes to U+FFFD per bad sequence, which is
 * what Go's JSON encoder prints for the same bytes, so the HTTP answer matches Thanos'.
 *
 * <p>Stores send labels sorted and unique, so decoding first checks that in one pass and wraps the
 * decoded array without copying; only a list that is unsorted, has duplicate names or empty values
 * goes through {@link Labels#of} (a later duplicate wins, empty values are dropped).
 */
public final class LabelsConverter {
    private LabelsConverter() {}

    public static Labels fromThanos(List<io.thanosjava.storeapi.proto.store.Label> labels) {
        requireNonNull(labels, "labels is null");
        int n = labels.size();
        String[] pairs = new String[n * 2];
        for (int i = 0; i < n; i++) {
            io.thanosjava.storeapi.proto.store.Label l = labels.get(i);
            pairs[2 * i] = l.getName().toStringUtf8();
            pairs[2 * i + 1] = l.getValue().toStringUtf8();
        }
        return fromDecodedPairs(pairs);
    }

    public static Labels fromProm(List<io.thanosjava.storeapi.proto.prompb.Label> labels) {
        requireNonNull(labels, "labels is null");
        int n = labels.size();
        String[] pairs = new String[n * 2];
        for (int i = 0; i < n; i++) {
            io.thanosjava.storeapi.proto.prompb.Label l = labels.get(i);
            pairs[2 * i] = l.getName().toStringUtf8();
            pairs[2 * i + 1] = l.getValue().toStringUtf8();
        }
        return fromDecodedPairs(pairs);
    }

    public static List<io.thanosjava.storeapi.proto.store.Label> toThanos(Labels labels) {
        requireNonNull(labels, "labels is null");
        List<io.thanosjava.storeapi.proto.store.Label> out = new ArrayList<>(labels.size());
        for (int i = 0; i < labels.size(); i++) {
            out.add(io.thanosjava.storeapi.proto.store.Label.newBuilder()
                    .setName(ByteString.copyFromUtf8(labels.name(i)))
                    .setValue(ByteString.copyFromUtf8(labels.value(i)))
                    .build());
        }
        return out;
    }

    public static List<io.thanosjava.storeapi.proto.prompb.Label> toProm(Labels labels) {
        requireNonNull(labels, "labels is null");
        List<io.thanosjava.storeapi.proto.prompb.Label> out = new ArrayList<>(labels.size());
        for (int i = 0; i < labels.size(); i++) {
            out.add(io.thanosjava.storeapi.proto.prompb.Label.newBuilder()
                    .setName(ByteString.copyFromUtf8(labels.name(i)))
                    .setValue(ByteString.copyFromUtf8(labels.value(i)))
                    .build());
        }
        return out;
    }

    /** Decodes a {@code thanos.LabelSet} / {@code thanos.ZLabelSet} body. */
    public static Labels fromLabelSet(io.thanosjava.storeapi.proto.store.ZLabelSet set) {
        requireNonNull(set, "set is null");
        return fromThanos(set.getLabelsList());
    }

    public static io.thanosjava.storeapi.proto.store.ZLabelSet toZLabelSet(Labels labels) {
        return io.thanosjava.storeapi.proto.store.ZLabelSet.newBuilder().addAllLabels(toThanos(labels)).build();
    }

    /**
     * Labels from decoded {@code name0, value0, name1, ...} pairs in wire order: wrapped without a copy
     * when sorted, unique and without empty values (what stores send), normalised otherwise.
     */
    public static Labels fromDecodedPairs(String[] pairs) {
        requireNonNull(pairs, "pairs is null");
        for (int i = 0; i < pairs.length; i += 2) {
            boolean ordered = i == 0 || Labels.compareUtf8(pairs[i - 2], pairs[i]) < 0;
            if (!ordered || pairs[i + 1].isEmpty()) {
                return Labels.of(pairs);
            }
        }
        return Labels.wrapSorted(pairs);
    }
}

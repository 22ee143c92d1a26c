package io.thanosjava.dedup;

import static java.util.Objects.requireNonNull;

import io.thanosjava.model.Labels;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Client-side removal of replica labels for a store that cannot do it itself (one whose Info does
 * not advertise {@code supports_without_replica_labels}).
 *
 * <p>Removing labels can move a series arbitrarily far back in the order: a series that is nothing
 * but replica labels, e.g. {@code {replica="b"}}, sorts after every {@code {__name__=...}} series
 * but before all of them once stripped, and may be the last one the store sends. So no series can
 * be passed on before the stream has ended, and the whole store response is buffered (labels and
 * references to the received chunks; chunk bytes are not copied), as Thanos does. Stores that strip
 * the labels themselves need none of this.
 */
public final class ReplicaLabels {
    private static final Comparator<ChunkSeries> BY_LABELS = Comparator.comparing(ChunkSeries::labels);

    private ReplicaLabels() {
    }

    /**
     * Reads {@code store} to the end, removes {@code replicaLabels} from every series and returns the
     * series sorted by the remaining labels (stable, so a store's own order breaks ties). Closes
     * {@code store}; its warnings are carried over.
     */
    public static ChunkSeriesSet stripAndSort(ChunkSeriesSet store, Collection<String> replicaLabels) {
        requireNonNull(store, "store is null");
        Set<String> names = Set.copyOf(requireNonNull(replicaLabels, "replicaLabels is null"));
        List<ChunkSeries> series = new ArrayList<>();
        try (store) {
            boolean sorted = true;
            Labels previous = null;
            while (store.next()) {
                Labels stripped = store.labels().without(names);
                sorted &= previous == null || previous.compareTo(stripped) <= 0;
                previous = stripped;
                series.add(new ChunkSeries(stripped, store.chunks()));
            }
            if (!sorted) {
                series.sort(BY_LABELS);
            }
            return ChunkSeriesSet.of(series, store.warnings());
        }
    }
}

package io.thanosjava.engine.querier;

import static java.util.Objects.requireNonNull;

import io.thanosjava.engine.store.QuerySettings;
import io.thanosjava.model.LabelMatcher;
import java.util.List;

/**
 * How one request reaches the stores.
 *
 * @param settings partial response, deduplication and tenant
 * @param storeMatchers {@code storeMatch[]}: a store takes part when one matcher set matches its address
 *     ({@code __address__}) or one of its external label sets; empty = every store
 */
public record RequestScope(QuerySettings settings, List<List<LabelMatcher>> storeMatchers) {
    public RequestScope {
        requireNonNull(settings, "settings is null");
        storeMatchers = List.copyOf(requireNonNull(storeMatchers, "storeMatchers is null"));
    }
}

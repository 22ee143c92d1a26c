package io.thanosjava.engine.querier;

import io.thanosjava.engine.store.StoreEndpoint;
import io.thanosjava.model.LabelMatcher;
import io.thanosjava.model.Labels;
import java.util.ArrayList;
import java.util.List;

/** Thanos' {@code storeMatch[]}: which stores one request may ask. */
final class StoreMatch {
    private static final String ADDRESS_LABEL = "__address__";

    private StoreMatch() {
    }

    /** The stores one matcher set matches by address or by one of their label sets; all when there are no sets. */
    static List<StoreEndpoint> select(List<StoreEndpoint> all, List<List<LabelMatcher>> matcherSets) {
        if (matcherSets.isEmpty()) {
            return all;
        }
        List<StoreEndpoint> selected = new ArrayList<>();
        for (StoreEndpoint e : all) {
            if (matches(e, matcherSets)) {
                selected.add(e);
            }
        }
        return selected;
    }

    private static boolean matches(StoreEndpoint e, List<List<LabelMatcher>> matcherSets) {
        List<Labels> sets = e.info().labelSets().isEmpty() ? List.of(Labels.empty()) : e.info().labelSets();
        for (List<LabelMatcher> matchers : matcherSets) {
            for (Labels labels : sets) {
                if (matchesAll(e.address(), labels, matchers)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean matchesAll(String address, Labels labels, List<LabelMatcher> matchers) {
        for (LabelMatcher m : matchers) {
            String value = ADDRESS_LABEL.equals(m.name()) ? address : labels.getOrEmpty(m.name());
            if (!m.matches(value)) {
                return false;
            }
        }
        return true;
    }
}

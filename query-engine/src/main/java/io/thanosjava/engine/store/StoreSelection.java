package io.thanosjava.engine.store;

import io.thanosjava.model.LabelMatcher;
import io.thanosjava.model.Labels;
import java.util.List;

/** Whether a request can concern a store, from its announced time range and external labels (Thanos' store matching). */
final class StoreSelection {
    private StoreSelection() {
    }

    static boolean concerns(StoreInfo info, List<LabelMatcher> matchers, long mint, long maxt) {
        if (!info.storeApi() || mint > info.maxTime() || maxt < info.minTime()) {
            return false;
        }
        List<Labels> labelSets = info.labelSets();
        if (labelSets.isEmpty()) {
            return true;
        }
        for (Labels set : labelSets) {
            if (externalLabelsMatch(set, matchers)) {
                return true;
            }
        }
        return false;
    }

    /** Only matchers on names the set has are checked: the store may hold any other label value. */
    private static boolean externalLabelsMatch(Labels set, List<LabelMatcher> matchers) {
        for (LabelMatcher m : matchers) {
            String value = set.get(m.name());
            if (value != null && !m.matches(value)) {
                return false;
            }
        }
        return true;
    }
}

package io.thanosjava.stores;

import io.thanosjava.model.LabelMatcher;
import io.thanosjava.model.Labels;
import io.thanosjava.storeapi.MatcherConverter;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a request's matchers into those on external labels, which are decided here against the
 * store's external values, and the rest, which go to the backend (Thanos' {@code
 * matchesExternalLabels}). A matcher on an external label name sees only the external value,
 * because external labels override same-named series labels.
 */
final class RequestMatchers {
    private RequestMatchers() {}

    /**
     * The matchers for the backend, or {@code null} when a matcher contradicts the external labels
     * (the request cannot select anything from this store).
     *
     * @throws io.thanosjava.model.InvalidMatcherException for a regex that does not compile
     * @throws io.thanosjava.storeapi.InvalidWireDataException for an unknown matcher type
     */
    static List<LabelMatcher> localMatchers(List<io.thanosjava.storeapi.proto.store.LabelMatcher> wire, Labels external) {
        List<LabelMatcher> local = new ArrayList<>(wire.size());
        for (io.thanosjava.storeapi.proto.store.LabelMatcher w : wire) {
            LabelMatcher m = MatcherConverter.fromThanos(w);
            String externalValue = external.get(m.name());
            if (externalValue == null) {
                local.add(m);
            } else if (!m.matches(externalValue)) {
                return null;
            }
        }
        return local;
    }
}

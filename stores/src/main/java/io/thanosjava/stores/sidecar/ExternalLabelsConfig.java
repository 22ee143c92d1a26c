package io.thanosjava.stores.sidecar;

import io.thanosjava.model.Labels;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/** Extracts {@code global.external_labels} from a Prometheus configuration (as {@code /api/v1/status/config} returns it). */
final class ExternalLabelsConfig {
    private ExternalLabelsConfig() {}

    /**
     * The external labels, empty when the configuration has none.
     *
     * @throws IllegalArgumentException when the text is not YAML or the section has the wrong shape
     */
    static Labels parse(String yaml) {
        Object root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        } catch (YAMLException e) {
            throw new IllegalArgumentException("configuration is not valid YAML: " + e.getMessage(), e);
        }
        Object global = root instanceof Map<?, ?> m ? m.get("global") : null;
        Object external = global instanceof Map<?, ?> g ? g.get("external_labels") : null;
        if (external == null) {
            return Labels.empty();
        }
        if (!(external instanceof Map<?, ?> labels)) {
            throw new IllegalArgumentException("global.external_labels is not a mapping: " + external);
        }
        Labels.Builder b = Labels.builder();
        for (Map.Entry<?, ?> e : labels.entrySet()) {
            // Prometheus prints every value as a string, but YAML may still type e.g. 1 or true.
            b.set(String.valueOf(e.getKey()), String.valueOf(e.getValue()));
        }
        return b.build();
    }
}

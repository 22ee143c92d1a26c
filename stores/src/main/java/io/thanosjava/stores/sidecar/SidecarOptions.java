package io.thanosjava.stores.sidecar;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.time.Duration;

/**
 * Settings of a {@link PrometheusSidecar}.
 *
 * @param prometheusUrl base URL of the Prometheus server, e.g. {@code http://127.0.0.1:9090}
 * @param requestTimeout limit of one call to Prometheus, including reading a remote-read body
 * @param probeInterval how often readiness, external labels and the lowest timestamp are re-checked
 * @param startupTimeout how long {@link PrometheusSidecar#connect} keeps retrying an unreachable Prometheus
 * @param allowEmptyExternalLabels serve a Prometheus without external labels (Thanos refuses to)
 */
public record SidecarOptions(URI prometheusUrl, Duration requestTimeout, Duration probeInterval,
        Duration startupTimeout, boolean allowEmptyExternalLabels) {
    public SidecarOptions {
        requireNonNull(prometheusUrl, "prometheusUrl is null");
        requireNonNull(requestTimeout, "requestTimeout is null");
        requireNonNull(probeInterval, "probeInterval is null");
        requireNonNull(startupTimeout, "startupTimeout is null");
        String scheme = prometheusUrl.getScheme();
        if (!"http".equals(scheme) && !"https".equals(scheme) || prometheusUrl.getHost() == null) {
            throw new IllegalArgumentException("prometheus URL must be http(s)://host[:port][/path], got " + prometheusUrl);
        }
        if (requestTimeout.isNegative() || requestTimeout.isZero() || probeInterval.isNegative() || probeInterval.isZero()
                || startupTimeout.isNegative()) {
            throw new IllegalArgumentException("timeouts and the probe interval must be positive");
        }
    }

    /** 2 minute requests, 5 s probes, 30 s startup, external labels required. */
    public static SidecarOptions defaults(URI prometheusUrl) {
        return new SidecarOptions(prometheusUrl, Duration.ofMinutes(2), Duration.ofSeconds(5), Duration.ofSeconds(30),
                false);
    }

    public SidecarOptions withRequestTimeout(Duration d) {
        return new SidecarOptions(prometheusUrl, d, probeInterval, startupTimeout, allowEmptyExternalLabels);
    }

    public SidecarOptions withProbeInterval(Duration d) {
        return new SidecarOptions(prometheusUrl, requestTimeout, d, startupTimeout, allowEmptyExternalLabels);
    }

    public SidecarOptions withStartupTimeout(Duration d) {
        return new SidecarOptions(prometheusUrl, requestTimeout, probeInterval, d, allowEmptyExternalLabels);
    }

    public SidecarOptions withAllowEmptyExternalLabels(boolean allow) {
        return new SidecarOptions(prometheusUrl, requestTimeout, probeInterval, startupTimeout, allow);
    }
}

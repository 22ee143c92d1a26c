package io.thanosjava.engine.store;

import static java.util.Objects.requireNonNull;

/**
 * One {@code --endpoint} / {@code --endpoint-strict} / file-SD address: {@code host:port}, or a DNS
 * discovery name: {@code dns+host:port} (A/AAAA), {@code dnsdualstack+host:port} (A and AAAA),
 * {@code dnssrv+_grpc._tcp.name} (SRV targets and ports, targets resolved to addresses) and
 * {@code dnssrvnoa+_grpc._tcp.name} (SRV targets used as host names). For SRV an explicit
 * {@code :port} overrides the records' ports.
 *
 * @param port the port; -1 when an SRV name gives none
 */
public record EndpointSpec(Kind kind, String host, int port, boolean strict) {
    public enum Kind {
        STATIC(""), DNS("dns+"), DNS_DUAL_STACK("dnsdualstack+"), DNS_SRV("dnssrv+"), DNS_SRV_NO_A("dnssrvnoa+");

        private final String prefix;

        Kind(String prefix) {
            this.prefix = prefix;
        }

        public String prefix() {
            return prefix;
        }

        boolean isSrv() {
            return this == DNS_SRV || this == DNS_SRV_NO_A;
        }
    }

    public EndpointSpec {
        requireNonNull(kind, "kind is null");
        requireNonNull(host, "host is null");
    }

    /**
     * @throws IllegalArgumentException with the reason for an empty address, a missing or bad port,
     *     or a DNS prefix on a strict endpoint
     */
    public static EndpointSpec parse(String address, boolean strict) {
        requireNonNull(address, "address is null");
        String rest = address.trim();
        if (rest.isEmpty()) {
            throw new IllegalArgumentException("empty endpoint address");
        }
        Kind kind = Kind.STATIC;
        for (Kind k : Kind.values()) {
            if (k != Kind.STATIC && rest.startsWith(k.prefix)) {
                kind = k;
                rest = rest.substring(k.prefix.length());
                break;
            }
        }
        if (strict && kind != Kind.STATIC) {
            throw new IllegalArgumentException("strict endpoint \"" + address + "\" may not use DNS discovery");
        }
        int colon = rest.lastIndexOf(':');
        boolean bracketed = rest.startsWith("[");
        if (bracketed && rest.indexOf(']') > colon) {
            colon = -1; // "[::1]" without a port
        }
        if (colon < 0) {
            if (kind.isSrv()) {
                return new EndpointSpec(kind, unbracket(rest, address), -1, strict);
            }
            throw new IllegalArgumentException("endpoint \"" + address + "\" has no port (expected host:port)");
        }
        String host = unbracket(rest.substring(0, colon), address);
        int port;
        try {
            port = Integer.parseInt(rest.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("endpoint \"" + address + "\" has a bad port", e);
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("endpoint \"" + address + "\" has port " + port + " outside 1-65535");
        }
        return new EndpointSpec(kind, host, port, strict);
    }

    private static String unbracket(String host, String address) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (h.isEmpty()) {
            throw new IllegalArgumentException("endpoint \"" + address + "\" has no host");
        }
        return h;
    }

    /** {@code host:port} with IPv6 hosts bracketed, as endpoints are named in warnings and statuses. */
    static String hostPort(String host, int port) {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}

package io.thanosjava.stores;

import static java.util.Objects.requireNonNull;

import java.net.InetSocketAddress;

/**
 * Parses listen addresses as Thanos flags take them: {@code host:port}, {@code [ipv6]:port}, or
 * {@code :port} for every interface. Port 0 asks the system for a free port.
 */
public final class HostPort {
    private HostPort() {}

    /** @throws IllegalArgumentException when the address has no valid port */
    public static InetSocketAddress parse(String address) {
        requireNonNull(address, "address is null");
        int colon = address.lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("address " + address + ": missing port");
        }
        String host = address.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        } else if (host.indexOf(':') >= 0) {
            throw new IllegalArgumentException("address " + address + ": too many colons (write IPv6 as [addr]:port)");
        }
        int port;
        try {
            port = Integer.parseInt(address.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("address " + address + ": invalid port", e);
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("address " + address + ": port out of range");
        }
        return host.isEmpty() ? new InetSocketAddress(port) : new InetSocketAddress(host, port);
    }
}

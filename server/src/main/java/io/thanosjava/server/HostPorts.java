package io.thanosjava.server;

import java.net.InetSocketAddress;
import picocli.CommandLine;

/** Parses {@code host:port} listen addresses ({@code [::1]:9090} for IPv6). */
final class HostPorts {
    private HostPorts() {
    }

    static InetSocketAddress parse(String address) {
        int colon = address.lastIndexOf(':');
        if (colon <= 0 && !address.startsWith(":")) {
            throw new CommandLine.TypeConversionException("address must be host:port, got \"" + address + "\"");
        }
        String host = address.substring(0, Math.max(colon, 0));
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(address.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new CommandLine.TypeConversionException("address must be host:port with a numeric port, got \"" + address + "\"");
        }
        if (port < 0 || port > 65535) {
            throw new CommandLine.TypeConversionException("port out of range in \"" + address + "\"");
        }
        return host.isEmpty() ? new InetSocketAddress(port) : new InetSocketAddress(host, port);
    }
}

package io.thanosjava.server;

import io.thanosjava.stores.HostPort;
import java.net.InetSocketAddress;
import picocli.CommandLine;

/** Parses listen-address flags ({@code host:port}, {@code [v6]:port}, {@code :port}) into usage errors naming the flag. */
final class ListenAddresses {
    private ListenAddresses() {
    }

    static InetSocketAddress parse(CommandLine.Model.CommandSpec spec, String value, String flag) {
        try {
            return HostPort.parse(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), flag + ": " + e.getMessage());
        }
    }
}

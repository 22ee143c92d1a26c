package io.thanosjava.engine.store;

import java.util.List;

/** Turns a DNS-discovery {@link EndpointSpec} into {@code host:port} addresses. */
public interface DnsResolver {
    /**
     * @throws java.io.UncheckedIOException or another runtime exception when the lookup fails; the
     *     endpoint set then keeps the previous answer
     */
    List<String> resolve(EndpointSpec spec);
}

package io.thanosjava.engine.store;

import static java.util.Objects.requireNonNull;

import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.directory.Attributes;
import javax.naming.directory.DirContext;
import javax.naming.directory.InitialDirContext;

/**
 * {@link DnsResolver} on the JDK: A/AAAA through {@link InetAddress#getAllByName} (the system resolver),
 * SRV through the JNDI DNS provider. Answers are de-duplicated and keep the resolver's order.
 */
public final class JdkDnsResolver implements DnsResolver {
    @Override
    public List<String> resolve(EndpointSpec spec) {
        requireNonNull(spec, "spec is null");
        return switch (spec.kind()) {
            case STATIC -> List.of(EndpointSpec.hostPort(spec.host(), spec.port()));
            case DNS, DNS_DUAL_STACK -> addresses(spec.host(), spec.port());
            case DNS_SRV, DNS_SRV_NO_A -> srv(spec);
        };
    }

    private static List<String> addresses(String host, int port) {
        try {
            Set<String> out = new LinkedHashSet<>();
            for (InetAddress address : InetAddress.getAllByName(host)) {
                out.add(EndpointSpec.hostPort(address.getHostAddress(), port));
            }
            return new ArrayList<>(out);
        } catch (UnknownHostException e) {
            throw new UncheckedIOException("cannot resolve " + host, e);
        }
    }

    private static List<String> srv(EndpointSpec spec) {
        Hashtable<String, String> env = new Hashtable<>();
        env.put("java.naming.factory.initial", "com.sun.jndi.dns.DnsContextFactory");
        Set<String> out = new LinkedHashSet<>();
        DirContext context = null;
        try {
            context = new InitialDirContext(env);
            Attributes attributes = context.getAttributes(spec.host(), new String[] {"SRV"});
            Attribute records = attributes.get("SRV");
            if (records == null) {
                return List.of();
            }
            NamingEnumeration<?> all = records.getAll();
            while (all.hasMore()) {
                // "priority weight port target."
                String[] fields = all.next().toString().trim().split("\\s+");
                if (fields.length != 4) {
                    throw new IllegalStateException("malformed SRV record for " + spec.host() + ": " + String.join(" ", fields));
                }
                int port = spec.port() > 0 ? spec.port() : Integer.parseInt(fields[2]);
                String target = fields[3].endsWith(".") ? fields[3].substring(0, fields[3].length() - 1) : fields[3];
                if (spec.kind() == EndpointSpec.Kind.DNS_SRV_NO_A) {
                    out.add(EndpointSpec.hostPort(target, port));
                } else {
                    out.addAll(addresses(target, port));
                }
            }
            return new ArrayList<>(out);
        } catch (NamingException e) {
            throw new IllegalStateException("SRV lookup of " + spec.host() + " failed: " + e.getMessage(), e);
        } finally {
            if (context != null) {
                try {
                    context.close();
                } catch (NamingException ignored) {
                    // closing a JNDI DNS context releases nothing we hold
                }
            }
        }
    }
}

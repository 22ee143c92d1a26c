package io.thanosjava.engine.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.thanosjava.engine.store.EndpointSpec.Kind;
import org.junit.jupiter.api.Test;

class EndpointSpecTest {
    @Test
    void parsesEveryAddressForm() {
        assertThat(EndpointSpec.parse("10.0.0.1:10901", false)).isEqualTo(new EndpointSpec(Kind.STATIC, "10.0.0.1", 10901, false));
        assertThat(EndpointSpec.parse("[::1]:10901", true)).isEqualTo(new EndpointSpec(Kind.STATIC, "::1", 10901, true));
        assertThat(EndpointSpec.parse("dns+sidecar.ns.svc:10901", false))
                .isEqualTo(new EndpointSpec(Kind.DNS, "sidecar.ns.svc", 10901, false));
        assertThat(EndpointSpec.parse("dnsdualstack+s:1", false).kind()).isEqualTo(Kind.DNS_DUAL_STACK);
        assertThat(EndpointSpec.parse("dnssrv+_grpc._tcp.store.ns.svc", false))
                .isEqualTo(new EndpointSpec(Kind.DNS_SRV, "_grpc._tcp.store.ns.svc", -1, false));
        assertThat(EndpointSpec.parse("dnssrvnoa+_grpc._tcp.s:9", false))
                .isEqualTo(new EndpointSpec(Kind.DNS_SRV_NO_A, "_grpc._tcp.s", 9, false));
        assertThat(EndpointSpec.hostPort("::1", 5)).isEqualTo("[::1]:5");
    }

    @Test
    void rejectsBadAddressesWithTheReason() {
        assertThatThrownBy(() -> EndpointSpec.parse("", false)).hasMessageContaining("empty");
        assertThatThrownBy(() -> EndpointSpec.parse("host", false)).hasMessageContaining("no port");
        assertThatThrownBy(() -> EndpointSpec.parse("dns+host", false)).hasMessageContaining("no port");
        assertThatThrownBy(() -> EndpointSpec.parse("host:http", false)).hasMessageContaining("bad port");
        assertThatThrownBy(() -> EndpointSpec.parse("host:70000", false)).hasMessageContaining("outside");
        assertThatThrownBy(() -> EndpointSpec.parse(":80", false)).hasMessageContaining("no host");
        assertThatThrownBy(() -> EndpointSpec.parse("dns+host:80", true)).hasMessageContaining("may not use DNS");
    }
}

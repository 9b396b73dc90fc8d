package org.titlecert.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.annotation.Annotation;

import org.junit.jupiter.api.Test;

class HttpOriginTest {

    private static HttpOrigin origin(boolean forceSecure, String... proxies) {
        HttpOrigin o = new HttpOrigin();
        o.configure(new HttpOriginConfig() {
            public Class<? extends Annotation> annotationType() {
                return HttpOriginConfig.class;
            }

            public String[] trustedProxies() {
                return proxies;
            }

            public boolean forceSecure() {
                return forceSecure;
            }

            public long hstsMaxAgeSeconds() {
                return 600;
            }
        });
        return o;
    }

    @Test
    void headersCountOnlyFromTrustedProxies() {
        HttpOrigin o = origin(false, "10.0.0.5", "10.1.0.0/16");
        assertThat(o.clientAddress("203.0.113.9", null, "1.2.3.4")).as("a stranger's header is ignored")
                .isEqualTo("203.0.113.9");
        assertThat(o.clientAddress("10.0.0.5", null, "1.2.3.4")).isEqualTo("1.2.3.4");
        assertThat(o.clientAddress("10.0.0.5", null, "6.6.6.6, 1.2.3.4, 10.1.2.3")).as("nearest untrusted hop")
                .isEqualTo("1.2.3.4");
        assertThat(o.clientAddress("10.0.0.5", "for=1.2.3.4;proto=https, for=\"[2001:db8::1]:443\"", "9.9.9.9"))
                .as("Forwarded wins over X-Forwarded-For").isEqualTo("2001:db8::1");
        assertThat(o.clientAddress("10.0.0.5", null, "not-an-address")).isEqualTo("10.0.0.5");
        assertThat(o.clientAddress("10.0.0.5", null, null)).isEqualTo("10.0.0.5");
        assertThat(o.clientAddress("10.0.0.6", null, "1.2.3.4")).isEqualTo("10.0.0.6");
    }

    @Test
    void secureFromTlsATrustedProxyOrTheSetting() {
        HttpOrigin o = origin(false, "10.0.0.5");
        assertThat(o.secure("10.0.0.5", false, null, "https")).isTrue();
        assertThat(o.secure("203.0.113.9", false, null, "https")).isFalse();
        assertThat(o.secure("203.0.113.9", true, null, null)).isTrue();
        assertThat(o.secure("10.0.0.5", false, "for=1.2.3.4;proto=https", null)).isTrue();
        assertThat(o.secure("10.0.0.5", false, null, "http")).isFalse();
        assertThat(origin(true).secure("203.0.113.9", false, null, null)).isTrue();
        assertThat(o.strictTransportSecurity()).isEqualTo("max-age=600; includeSubDomains");
    }

    @Test
    void onlyLiteralAddressesAreAccepted() {
        assertThatThrownBy(() -> IpRange.parse("proxy.example.com")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IpRange.parse("10.0.0.0/33")).isInstanceOf(IllegalArgumentException.class);
        assertThat(IpRange.parse("::1").contains("0:0:0:0:0:0:0:1")).isTrue();
        assertThat(IpRange.parse("127.0.0.0/8").contains("127.9.9.9")).isTrue();
        assertThat(IpRange.parse("127.0.0.0/8").contains("128.0.0.1")).isFalse();
    }
}

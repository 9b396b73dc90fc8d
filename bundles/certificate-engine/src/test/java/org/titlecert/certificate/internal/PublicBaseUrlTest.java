package org.titlecert.certificate.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PublicBaseUrlTest {

    @Test
    void addressesNoPhoneCanOpenAreFlagged() {
        for (String url : new String[] {"http://localhost:8181", "http://127.0.0.1:8282", "http://[::1]:8181",
                "http://0.0.0.0", "not a url"}) {
            assertThat(CertificateEngine.loopback(url)).as(url).isTrue();
        }
        for (String url : new String[] {"https://zcps.hrss.ah.gov.cn", "http://10.1.2.3:8181", "https://titlecert.example"}) {
            assertThat(CertificateEngine.loopback(url)).as(url).isFalse();
        }
    }
}

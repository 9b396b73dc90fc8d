package org.titlecert.webui.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.titlecert.api.Role;

class CanonicalPathTest {

    @Test
    void thePlatformsOwnLinksAreCanonical() {
        for (String p : new String[] {"/", "/admin/seals", "/admin/filings/12/certificates", "/v/AbC-_9",
                "/static/app.css", "/me/titles/3", "/%E8%AF%81%E4%B9%A6", "/a%20b"}) {
            assertThat(CanonicalPath.is(p)).as(p).isTrue();
        }
    }

    @Test
    void everyOtherSpellingIsRefused() {
        for (String p : new String[] {"/%61dmin/seals", "/%6De/titles", "/api/../admin/seals", "/admin;x/seals",
                "//admin/seals", "/admin//seals", "/admin/./seals", "/admin/seals/..", "/admin/%2e%2e/x",
                "/admin%2Fseals", "/admin\\seals", "/admin/seals%00", "/%", "/%4", "/%zz", "/admin/.", "relative",
                "/%25%36%31dmin/seals"}) {
            assertThat(CanonicalPath.is(p)).as(p).isFalse();
        }
    }

    @Test
    void accessIsDecidedByArea() {
        assertThat(Access.of("/admin/seals")).isEqualTo(Access.ADMIN);
        assertThat(Access.of("/admin")).isEqualTo(Access.ADMIN);
        assertThat(Access.of("/administrator")).isEqualTo(Access.PUBLIC);
        assertThat(Access.of("/admin/login")).isEqualTo(Access.PUBLIC);
        assertThat(Access.of("/admin/accounts/3/disable")).isEqualTo(Access.SYSTEM);
        assertThat(Access.of("/admin/audit")).isEqualTo(Access.SYSTEM);
        assertThat(Access.of("/admin/individuals")).isEqualTo(Access.ADMIN);
        assertThat(Access.of("/me")).isEqualTo(Access.INDIVIDUAL);
        assertThat(Access.of("/me/titles/1")).isEqualTo(Access.INDIVIDUAL);
        assertThat(Access.of("/register/profile")).isEqualTo(Access.INDIVIDUAL);
        assertThat(Access.of("/v/token")).isEqualTo(Access.PUBLIC);
        assertThat(Access.SYSTEM.allows(Role.UNIT_ADMIN)).isFalse();
        assertThat(Access.ADMIN.allows(Role.INDIVIDUAL)).isFalse();
        assertThat(Access.ADMIN.allows(null)).isFalse();
        assertThat(Access.INDIVIDUAL.allows(Role.SYSTEM_ADMIN)).isFalse();
    }
}

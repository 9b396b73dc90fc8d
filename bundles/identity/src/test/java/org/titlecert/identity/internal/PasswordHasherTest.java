package org.titlecert.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher(19456, 2, 1);

    @Test
    void hashesWithArgon2idInPhcFormatAndVerifies() {
        String h = hasher.hash("correct horse 123");
        assertThat(h).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").hasSizeGreaterThan(60);
        assertThat(hasher.verify("correct horse 123", h)).isTrue();
        assertThat(hasher.verify("correct horse 124", h)).isFalse();
        assertThat(hasher.verify("", h)).isFalse();
        assertThat(hasher.hash("correct horse 123")).as("salted").isNotEqualTo(h);
    }

    @Test
    void knowsWhenAHashIsWeakerThanTheCurrentParameters() {
        String old = new PasswordHasher(19456, 2, 1).hash("x1234567");
        PasswordHasher stronger = new PasswordHasher(32768, 3, 1);
        assertThat(stronger.verify("x1234567", old)).isTrue();
        assertThat(stronger.needsRehash(old)).isTrue();
        assertThat(hasher.needsRehash(old)).isFalse();
    }

    @Test
    void refusesMalformedHashes() {
        assertThat(hasher.verify("x", null)).isFalse();
        assertThat(hasher.verify("x", "$2a$10$abcdefghijklmnopqrstuv")).isFalse();
        assertThat(hasher.verify("x", "plain")).isFalse();
    }
}

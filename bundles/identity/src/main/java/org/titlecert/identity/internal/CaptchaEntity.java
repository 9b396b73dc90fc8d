package org.titlecert.identity.internal;

import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** An issued captcha: its answer's hash until it is used once or expires. */
@Entity
@Table(name = "TC_CAPTCHA")
public class CaptchaEntity {

    @Id
    @Column(length = 43)
    private String id;

    @Column(name = "ANSWER_HASH", nullable = false, length = 64)
    private String answerHash;

    @Column(name = "EXPIRES_AT", nullable = false)
    private LocalDateTime expiresAt;

    public CaptchaEntity() {
    }

    CaptchaEntity(String id, String answerHash, LocalDateTime expiresAt) {
        this.id = id;
        this.answerHash = answerHash;
        this.expiresAt = expiresAt;
    }

    String getAnswerHash() { return answerHash; }
    LocalDateTime getExpiresAt() { return expiresAt; }
}

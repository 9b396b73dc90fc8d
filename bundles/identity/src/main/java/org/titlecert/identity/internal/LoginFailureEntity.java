package org.titlecert.identity.internal;

import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** Failed logins of one account or address, shared by every node (the login throttle's counts). */
@Entity
@Table(name = "TC_LOGIN_FAILURE")
public class LoginFailureEntity {

    @Id
    @Column(name = "KEY_ID", length = 120)
    private String key;

    @Column(nullable = false)
    private int failures;

    @Column(name = "LAST_AT", nullable = false)
    private LocalDateTime lastAt;

    public LoginFailureEntity() {
    }

    LoginFailureEntity(String key, LocalDateTime at) {
        this.key = key;
        this.failures = 1;
        this.lastAt = at;
    }

    int getFailures() { return failures; }
    LocalDateTime getLastAt() { return lastAt; }
}

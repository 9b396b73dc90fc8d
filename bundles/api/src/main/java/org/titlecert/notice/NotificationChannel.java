package org.titlecert.notice;

import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A way notices reach holders: the message centre, e-mail, SMS. Register one as an OSGi service; every notice is
 * queued once per channel that can reach its recipient and delivered from the queue, retried with backoff, so that
 * a slow or failing channel never delays the act that caused the notice.
 */
@ConsumerType
public interface NotificationChannel {

    /** A short stable name, as the queue and the metrics label it: {@code inapp}, {@code email}, {@code sms}. */
    String name();

    /** The address this channel reaches the recipient at, or empty when it cannot (no e-mail on file, say). */
    Optional<String> address(Recipient recipient);

    /**
     * Delivers one message. Throwing means "try again later"; a delivery is retried until it succeeds or its
     * attempts run out. It may be repeated after a crash, so the channel should tolerate a duplicate.
     */
    void deliver(String address, Message message) throws Exception;
}

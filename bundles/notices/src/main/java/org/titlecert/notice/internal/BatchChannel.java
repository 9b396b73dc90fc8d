package org.titlecert.notice.internal;

import java.util.List;

import org.titlecert.notice.Message;
import org.titlecert.notice.NotificationChannel;

/**
 * A channel of this bundle that delivers a batch in one go, all or nothing (the message centre: one transaction
 * for the batch instead of one per message). When a batch fails, the queue delivers its messages one by one, so
 * that one bad message holds up no other.
 */
interface BatchChannel extends NotificationChannel {

    void deliverAll(List<Message> messages) throws Exception;
}

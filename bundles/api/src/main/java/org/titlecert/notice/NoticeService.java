package org.titlecert.notice;

import org.osgi.annotation.versioning.ProviderType;
import org.titlecert.api.Caller;
import org.titlecert.api.Page;
import org.titlecert.api.PageRequest;

/**
 * The holder's message centre (个人中心 → 我的消息), and the notices units send. Notices about certificates are
 * sent by the platform itself as certificates are generated, corrected, revoked and reinstated.
 */
@ProviderType
public interface NoticeService {

    /** The caller's messages, newest first (individuals; anyone else has none). */
    Page<Notice> mine(Caller caller, PageRequest page);

    long unread(Caller caller);

    /** Marks one of the caller's messages read; another person's is not found. */
    Notice markRead(Caller caller, long id);

    /** Marks all of the caller's messages read; returns how many were unread. */
    int markAllRead(Caller caller);

    /**
     * 注销账号: erases the caller's messages and their deliveries (an e-mail not yet sent is not sent); returns how
     * many messages there were.
     */
    int eraseMine(Caller caller);

    /**
     * 提醒上传照片: tells every person of an approved filing whose certificate is not generated for want of a photo
     * to upload one, in one act, for a unit admin in scope. A person reminded of this filing today is not reminded
     * again. Returns how many were reminded.
     */
    int remindPhotos(Caller caller, long filingId);

    /**
     * Queues one message on one channel only (a password-reset link goes by e-mail, never into the message
     * centre); false if that channel is not there or cannot reach the recipient.
     */
    boolean send(String channel, Recipient recipient, Message message);

    /** Each channel's queue, for system admins: what waits, what went out, what was given up. */
    java.util.List<ChannelStatus> deliveries(Caller caller);
}

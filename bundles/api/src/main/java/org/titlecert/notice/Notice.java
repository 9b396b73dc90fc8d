package org.titlecert.notice;

import java.time.Instant;

/**
 * A message in a holder's 我的消息.
 *
 * @param link   where it leads on the platform (a path such as {@code /me/titles/12}), or {@code null}
 * @param readAt when the holder read it, {@code null} while unread
 */
public record Notice(long id, NoticeKind kind, String title, String body, String link, Instant createdAt,
                     Instant readAt) {
}

/**
 * Notices to holders (我的消息): the message centre, photo reminders, and the {@link
 * org.titlecert.notice.NotificationChannel} SPI through which notices also go out by e-mail or SMS.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.titlecert.notice;

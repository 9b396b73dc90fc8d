package org.titlecert.notice;

/**
 * One channel's deliveries, for operators.
 *
 * @param active    whether the channel is there now (an e-mail channel only while SMTP is configured)
 * @param lastError the latest failure still waiting or given up, {@code null} when none
 */
public record ChannelStatus(String channel, boolean active, long pending, long sent, long failed, String lastError) {
}

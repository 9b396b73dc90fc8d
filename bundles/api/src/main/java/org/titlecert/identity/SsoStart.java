package org.titlecert.identity;

/**
 * The start of a government SSO login.
 *
 * @param authorizationUrl where to send the browser
 * @param binding          a secret to keep in a short-lived cookie, binding the callback to this browser
 */
public record SsoStart(String authorizationUrl, String binding) {
}

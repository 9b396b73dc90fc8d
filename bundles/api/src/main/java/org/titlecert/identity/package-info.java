/**
 * Identity and access: logins (local, admin with captcha, government SSO), sessions,
 * the individual's registration, admin accounts and API keys.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("3.0.0")
package org.titlecert.identity;

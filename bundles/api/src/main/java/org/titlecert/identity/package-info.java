/**
 * Identity and access: logins (local, admin with captcha, government SSO), sessions,
 * the individual's registration, admin accounts, 查验单位 (verifiers) and API keys.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("3.1.0")
package org.titlecert.identity;

/**
 * The CJK TrueType fonts the platform embeds in its PDFs.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.titlecert.font;

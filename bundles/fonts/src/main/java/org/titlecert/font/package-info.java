/**
 * What the platform's PDFs are drawn with: the CJK TrueType fonts it embeds, their ToUnicode maps, and QR codes.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.4.0")
package org.titlecert.font;

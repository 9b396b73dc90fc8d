/**
 * The default certificate's page, drawn onto a {@link org.titlecert.template.page.Canvas}: the PDF template draws it
 * with PDFBox, an OFD template with its own canvas, so that both formats of a certificate show the same fields at the
 * same places. Text is measured and laid out once, by {@link org.titlecert.template.page.Fonts}, for every format.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.titlecert.template.page;

/**
 * ID photos (电子证件照片): upload with crop and rotation applied on the server, normalised for the certificate.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("2.0.0")
package org.titlecert.photo;

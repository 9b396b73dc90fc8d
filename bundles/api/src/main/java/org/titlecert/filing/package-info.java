/**
 * The filing registry (批复备案): organizing units, committees, issuing authorities,
 * filings of evaluation results and their rosters.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.5.0")
package org.titlecert.filing;

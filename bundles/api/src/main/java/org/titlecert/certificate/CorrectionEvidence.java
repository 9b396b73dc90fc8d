package org.titlecert.certificate;

import java.io.IOException;
import java.io.InputStream;

/** A correction's evidence PDF (证明材料), read from the store. */
public interface CorrectionEvidence {

    String fileName();

    long size();

    InputStream open() throws IOException;
}

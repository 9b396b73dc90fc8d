package org.titlecert.template.ofd;

import org.ofdrw.core.basicType.ST_ID;

/** The document's object identifiers: every object and resource of an OFD document has its own. */
final class Ids {

    private long last;

    ST_ID next() {
        return new ST_ID(++last);
    }

    long max() {
        return last;
    }
}

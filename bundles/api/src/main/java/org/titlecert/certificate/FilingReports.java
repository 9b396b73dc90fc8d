package org.titlecert.certificate;

import java.io.IOException;
import java.io.OutputStream;

import org.osgi.annotation.versioning.ProviderType;
import org.titlecert.api.Caller;

/** Lists a unit takes away to work through, for an admin in scope. */
@ProviderType
public interface FilingReports {

    /** A spreadsheet, written on demand. */
    interface Spreadsheet {

        String fileName();

        int rows();

        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * 导出未生成名单: the people of an approved filing without a certificate, why, and how to reach them (the mobile
     * and e-mail of their account, where they have one), as XLSX, so that the unit can chase them.
     */
    Spreadsheet notGenerated(Caller caller, long filingId);
}

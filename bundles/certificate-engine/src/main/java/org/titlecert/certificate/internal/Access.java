package org.titlecert.certificate.internal;

import org.titlecert.api.Caller;
import org.titlecert.api.TitleCertException;

/** Who may act on certificates: the checks the bundle's services share. */
final class Access {

    private Access() {
    }

    static void requireAdmin(Caller caller, String scope) {
        if (!caller.isAdmin()) {
            throw TitleCertException.forbidden("FORBIDDEN", "仅管理人员可以进行此操作");
        }
        if (!caller.hasScope(scope)) {
            throw TitleCertException.forbidden("SCOPE_MISSING", "该 API 密钥没有此操作的权限");
        }
    }
}

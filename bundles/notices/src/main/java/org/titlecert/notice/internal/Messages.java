package org.titlecert.notice.internal;

import java.time.LocalDate;

import org.titlecert.certificate.Certificate;
import org.titlecert.certificate.VersionReason;
import org.titlecert.filing.Filing;
import org.titlecert.notice.Message;
import org.titlecert.notice.NoticeKind;

/** The words of each notice, in Chinese, with the key that makes it go out once. */
final class Messages {

    /** A notice before its recipient's person and unit are filled in; {@code path} is on the platform. */
    record Draft(String reference, NoticeKind kind, String title, String body, String path) {

        Message to(long personId, long unitId, String base) {
            return new Message(reference, personId, unitId, kind, title, body, base + path);
        }
    }

    private Messages() {
    }

    static Draft generated(Certificate c, VersionReason reason, int version) {
        String what = "您的" + c.titleName() + "（" + c.level() + "）电子职称证书（证书编号 " + c.certificateNumber() + "）";
        String ref = "cert:" + c.id() + ":v" + version;
        return switch (reason) {
            case CORRECTED -> new Draft(ref, NoticeKind.CERTIFICATE_CORRECTED, "您的电子职称证书已更正",
                    what + "已依申请更正，并生成第 " + version + " 版，原版本作废。请在“我的职称”中下载新版本。", "/me/titles");
            case REINSTATED -> new Draft(ref, NoticeKind.CERTIFICATE_REINSTATED, "您的电子职称证书已恢复有效",
                    what + "已恢复有效，并生成第 " + version + " 版。请在“我的职称”中下载新版本。", "/me/titles");
            default -> new Draft(ref, NoticeKind.CERTIFICATE_ISSUED, "您的电子职称证书已生成",
                    what + "已生成，可在“我的职称”中预览和下载。", "/me/titles");
        };
    }

    /** {@code reason} the public label; {@code revokedAt} in epoch milliseconds. */
    static Draft revoked(Certificate c, String reason, long revokedAt) {
        return new Draft("revoked:" + c.id() + ":" + revokedAt,
                NoticeKind.CERTIFICATE_REVOKED, "您的电子职称证书已撤销",
                "您的" + c.titleName() + "（" + c.level() + "）电子职称证书（证书编号 " + c.certificateNumber() + "）已撤销"
                        + (reason == null || reason.isBlank() ? "" : "，原因：" + reason)
                        + "。如有疑问，请联系评委会组建单位。", "/me/titles");
    }

    static Draft photoRequested(Certificate c, Filing f, LocalDate today) {
        return new Draft("photo:" + f.id() + ":" + c.personId() + ":" + today, NoticeKind.PHOTO_REQUESTED,
                "请上传电子证件照片", f.unit().name() + "提醒您：您的" + c.titleName() + "电子职称证书（" + f.name()
                + "）因尚未上传证件照片而未能生成。请登录平台，在“个人中心 → 我的职称”上传证件照片，证书将随即生成。",
                "/me/photo");
    }
}

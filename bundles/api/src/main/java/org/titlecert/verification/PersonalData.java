package org.titlecert.verification;

import java.time.Instant;
import java.util.List;

import org.titlecert.certificate.Certificate;
import org.titlecert.filing.PersonTitle;
import org.titlecert.identity.Profile;
import org.titlecert.notice.Notice;
import org.titlecert.photo.PhotoInfo;

/**
 * 导出我的数据: everything the platform holds about the calling individual, as they may see it.
 *
 * @param photo the ID photo's description (the image itself is in the PDF and at {@code GET /me/photo}); {@code null}
 *              without one
 */
public record PersonalData(Instant exportedAt, Profile profile, List<PersonTitle> titles,
                           List<Certificate> certificates, PhotoInfo photo, List<Notice> notices,
                           List<CheckRecord> checks, List<ShareCode> shareCodes) {
}

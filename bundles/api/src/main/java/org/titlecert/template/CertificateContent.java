package org.titlecert.template;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Everything printed on a certificate.
 *
 * @param certificateNumber 证书编号
 * @param name              姓名
 * @param gender            性别, in Chinese (男 / 女)
 * @param birthDate         出生年月
 * @param idNumber          身份证号
 * @param employer          工作单位
 * @param series            系列
 * @param specialty         专业
 * @param titleName         资格名称
 * @param level             资格级别
 * @param committee         评审组织: the committee's name
 * @param approvalNumber    批复文号
 * @param qualificationDate 取得时间
 * @param issuingAuthority  发证机关
 * @param issueDate         发证日期
 * @param photoJpeg         the normalised ID photo, a JPEG
 * @param verificationUrl   what the QR code encodes
 * @param licence           the 电子证照 metadata (GB/T 36903): each field's Chinese name as the standard gives it
 *                          (证照类型名称, 证照编号, 持证主体, …) to its value, in the standard's order; a template writes
 *                          them into the document's metadata (a PDF's XMP) as they are
 * @param credential        the certificate's W3C Verifiable Credential (a compact JWS, {@code application/vc+jwt}),
 *                          or {@code null}; a template attaches it to the document as it is
 *                          ({@value #CREDENTIAL_FILE}), before the seals, which then cover it
 */
public record CertificateContent(String certificateNumber, String name, String gender, LocalDate birthDate,
                                 String idNumber, String employer, String series, String specialty,
                                 String titleName, String level, String committee, String approvalNumber,
                                 LocalDate qualificationDate, String issuingAuthority, LocalDate issueDate,
                                 byte[] photoJpeg, String verificationUrl, Map<String, String> licence,
                                 String credential) {

    /** The name of the credential's attachment in the document. */
    public static final String CREDENTIAL_FILE = "credential.jwt";

    public CertificateContent {
        Objects.requireNonNull(certificateNumber, "certificateNumber");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(photoJpeg, "photoJpeg");
        Objects.requireNonNull(verificationUrl, "verificationUrl");
        licence = licence == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(licence));
    }

    /** Content without a credential. */
    public CertificateContent(String certificateNumber, String name, String gender, LocalDate birthDate,
                              String idNumber, String employer, String series, String specialty,
                              String titleName, String level, String committee, String approvalNumber,
                              LocalDate qualificationDate, String issuingAuthority, LocalDate issueDate,
                              byte[] photoJpeg, String verificationUrl, Map<String, String> licence) {
        this(certificateNumber, name, gender, birthDate, idNumber, employer, series, specialty, titleName, level,
                committee, approvalNumber, qualificationDate, issuingAuthority, issueDate, photoJpeg, verificationUrl,
                licence, null);
    }

    /** Content without 电子证照 metadata. */
    public CertificateContent(String certificateNumber, String name, String gender, LocalDate birthDate,
                              String idNumber, String employer, String series, String specialty,
                              String titleName, String level, String committee, String approvalNumber,
                              LocalDate qualificationDate, String issuingAuthority, LocalDate issueDate,
                              byte[] photoJpeg, String verificationUrl) {
        this(certificateNumber, name, gender, birthDate, idNumber, employer, series, specialty, titleName, level,
                committee, approvalNumber, qualificationDate, issuingAuthority, issueDate, photoJpeg, verificationUrl,
                Map.of(), null);
    }
}

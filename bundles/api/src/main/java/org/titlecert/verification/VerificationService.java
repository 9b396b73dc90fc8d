package org.titlecert.verification;

import java.io.InputStream;

import org.osgi.annotation.versioning.ProviderType;
import org.titlecert.api.Caller;
import org.titlecert.api.Page;
import org.titlecert.api.PageRequest;
import org.titlecert.certificate.PdfCheck;
import org.titlecert.certificate.Verification;

/**
 * Public verification, as employers and the holders themselves use it. Every check that finds a certificate is
 * recorded for its holder (查验记录), written off the request's path so that recording never slows a check.
 */
@ProviderType
public interface VerificationService {

    /** 扫码查验: the certificate behind a QR token, masked. */
    Verification byToken(String token, String address);

    /** 文件核验: whether a PDF is the genuine current version of the certificate behind the token. */
    PdfCheck checkFile(String token, InputStream pdf, String address);

    /**
     * 证书查验 by 证书编号 and 姓名, behind a captcha and limited per address. A wrong name answers exactly as an
     * unknown number does ({@code CERTIFICATE_NOT_FOUND}), so that nobody learns which numbers exist. The caller is
     * {@code null} when anonymous; a verifier's check shows its organisation in the holder's 查验记录.
     */
    Verification lookup(Caller caller, String certificateNumber, String name, String captchaId, String captchaAnswer,
                        String address);

    /** The checks of the calling holder's certificates, newest first. */
    Page<CheckRecord> checks(Caller holder, PageRequest page);

    /** The calling holder's share codes, newest first. */
    java.util.List<ShareCode> shareCodes(Caller holder);

    /**
     * Makes a share code valid for {@code days} (1–30); only a holder whose identity is confirmed may make one.
     * With a 统一社会信用代码 the code opens the record only to that approved verifier's account
     * ({@code SHARE_VERIFIER_UNKNOWN} if there is none); {@code null} or blank: to anyone holding the code.
     */
    NewShareCode createShareCode(Caller holder, int days, String verifierCreditCode);

    /** Withdraws one of the calling holder's codes at once. */
    ShareCode withdrawShareCode(Caller holder, long id);

    /**
     * The holder's full record for a valid code, limited per address. An unknown, expired or withdrawn code
     * answers alike ({@code SHARE_CODE_INVALID}), and so does a code made for one verifier when anyone else (or
     * nobody logged in) uses it. Each use shows in the holder's 查验记录.
     */
    SharedRecord useShareCode(Caller caller, String code, String address);

    /** The checks the calling verifier's account made, newest first. */
    Page<CheckRecord> verifierChecks(Caller verifier, PageRequest page);

    /** 注销账号: erases the calling holder's share codes and the 查验记录 of their certificates. */
    void eraseMine(Caller holder);
}

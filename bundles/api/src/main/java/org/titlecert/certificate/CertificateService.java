package org.titlecert.certificate;

import java.io.InputStream;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.titlecert.api.Caller;
import org.titlecert.api.Page;
import org.titlecert.api.PageRequest;

/**
 * Certificates, scoped to the caller in every method: an individual sees their own, a unit admin those of
 * its unit's filings, a system admin all; anything else is answered as not found.
 */
@ProviderType
public interface CertificateService {

    /**
     * Event topic posted after a certificate's PDF is generated, with {@code certificateId}, {@code version} and
     * {@code reason} (a {@link VersionReason} name).
     */
    String TOPIC_GENERATED = "org/titlecert/certificate/GENERATED";

    /**
     * Event topic posted after certificates are revoked, one or a filing's, with {@code certificateIds} (long[]),
     * {@code reason} (the public label of the {@link RevocationReason}) and {@code revokedAt} (epoch milliseconds).
     */
    String TOPIC_REVOKED = "org/titlecert/certificate/REVOKED";

    /**
     * A filing's certificates, by certificate number; {@code status} {@code null} for all. {@code search}, if not
     * blank, is a full ID number (the holder's certificate) or part of a name.
     */
    Page<Certificate> byFiling(Caller caller, long filingId, GenerationStatus status, String search,
                               PageRequest page);

    /** The caller's own certificates (an individual's). */
    List<Certificate> mine(Caller caller);

    /** The certificate of a roster entry, once its filing is approved. */
    Optional<Certificate> forRosterEntry(Caller caller, long rosterEntryId);

    Certificate get(Caller caller, long id);

    /** Those of these certificates the caller may read, each once, in the order asked; others are left out. */
    List<Certificate> get(Caller caller, List<Long> ids);

    /**
     * The current PDF. A queued certificate is waited for briefly; if the queue is busy the answer is
     * {@code CERTIFICATE_BUSY} with roughly how long to wait.
     */
    CertificateFile pdf(Caller caller, long id);

    /**
     * The current OFD (GB/T 33190), for a certificate whose region issues OFD beside the PDF; waited for as the PDF
     * is. A certificate without one is {@code NOT_FOUND} with the code {@code OFD_NOT_ISSUED}.
     */
    CertificateFile ofd(Caller caller, long id);

    /**
     * The current version's W3C Verifiable Credential 2.0 ({@code application/vc+jwt}: the credential as the payload
     * of a JWS the platform signs with a key it publishes, see {@link #credentialKeys()}); the same bytes are attached
     * to the PDF. Waited for as the PDF is. A version made before credentials were issued gets one signed at its first
     * request and kept with it (its PDF carries none); where the platform issues no credentials ({@code credentials =
     * false}), {@code NOT_FOUND} with the code {@code CREDENTIAL_NOT_ISSUED}.
     */
    CertificateFile credential(Caller caller, long id);

    /** The public keys credentials are signed with, current and former, as a JSON Web Key Set; public. */
    String credentialKeys();

    /**
     * The revocation status list (W3C Bitstring Status List) that credentials' {@code credentialStatus} points to, as
     * a signed credential ({@code application/vc+jwt}); public. An unknown list is {@code NOT_FOUND}
     * ({@code STATUS_LIST_NOT_FOUND}).
     */
    String credentialStatusList(int list);

    /** Checks the selection (all generated, all of this filing, all in scope) before anything is written. */
    CertificateExport export(Caller caller, long filingId, List<Long> ids);

    /** 下载全部: every generated certificate of the filing, whatever the page, as one ZIP streamed from the store. */
    CertificateExport exportAll(Caller caller, long filingId);

    /**
     * Revokes a certificate (撤销). The reason, from the fixed list, is public; the note (up to 500 characters,
     * optional) is for admins and the audit log only.
     */
    Certificate revoke(Caller caller, long id, RevocationReason reason, String note);

    /**
     * Revokes every valid certificate of an approved filing in one act (system admins; a filing found fraudulent),
     * with one reason and note; returns how many.
     */
    int revokeFiling(Caller caller, long filingId, RevocationReason reason, String note);

    /**
     * 撤销恢复 (system admins, with a note for the audit log): the certificate is valid again and is generated again
     * as a new version.
     */
    Certificate reinstate(Caller caller, long id, String note);

    /** Reinstates the certificates that the filing's revocation took (not those revoked on their own). */
    int reinstateFiling(Caller caller, long filingId, String note);

    /** Generates the certificate again, e.g. after a correction; its version goes up. */
    Certificate regenerate(Caller caller, long id);

    /** Public: the certificate behind a QR token. Rate-limited per client address. */
    Verification verify(String token, String clientAddress);

    /** Public: whether the uploaded PDF is this certificate's genuine current version. */
    PdfCheck check(String token, InputStream pdf, String clientAddress);

    /** The answer {@link #verify} gives for a QR token, without counting against its limit; empty if none. */
    Optional<Verification> publicRecord(String token);

    /**
     * The issued certificate with this number, compared with a name and, when given, an ID number: spaces and
     * full-width forms do not count, nor does the case of an ID number's X. Empty when no issued certificate has
     * the number. Not rate-limited: callers that face the public limit themselves.
     */
    Optional<CertificateMatch> match(String certificateNumber, String name, String idNumber);

    /**
     * The certificate a PDF is a version of, found by the file's SHA-256 over every version ever issued, with its
     * seals checked; empty for a file this platform never issued (forged, altered, or someone else's).
     */
    Optional<IdentifiedFile> identify(byte[] pdf);

    QueueState queue();

    /**
     * The address the public reaches the platform at, without a trailing slash: what QR codes and the links in
     * notices and e-mails start with. It comes from configuration, never from a request.
     */
    String publicBaseUrl();

    /**
     * What is wrong with the address QR codes carry, in Chinese, for operators and system admins; empty when it is
     * one the public can reach. A loopback address (the default) is called out: no phone can open it.
     */
    Optional<String> publicBaseUrlProblem();

    /**
     * Generates every valid certificate again, for instance after the QR address changed; their versions go up.
     * System admins only. With {@code dryRun} nothing is queued: the answer is how many would be.
     */
    int regenerateAll(Caller caller, boolean dryRun);
}

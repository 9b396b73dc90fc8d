package org.titlecert.certificate.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.zip.GZIPOutputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.titlecert.api.TitleCertException;
import org.titlecert.certificate.Validity;
import org.titlecert.filing.PersonTitle;
import org.titlecert.jpa.Sql;
import org.titlecert.jpa.Transactions;
import org.titlecert.seal.SealCheck;
import org.titlecert.seal.SealReport;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;

/**
 * The certificates' machine-readable twin: a W3C Verifiable Credential 2.0 secured as a JWS ({@code application/vc+jwt},
 * VC-JOSE-COSE), signed ES256 with this node's credential key. Each node keeps its private key in a file of its own
 * (made on first start, readable by the platform's user only) and publishes the public key in the database, so that
 * the key set every node serves holds every key that ever signed. Revocation is published as W3C Bitstring Status
 * Lists of {@value #LIST_SIZE} entries, a certificate's entry being its record's number.
 */
final class Credentials {

    private static final Logger LOG = LoggerFactory.getLogger(Credentials.class);
    /** The smallest list the Bitstring Status List recommends, so that an entry does not tell whose it is. */
    static final int LIST_SIZE = 131_072;
    private static final String CONTEXT = "https://www.w3.org/ns/credentials/v2";
    private static final JOSEObjectType TYPE = new JOSEObjectType("vc+jwt");
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final java.security.Provider BC = new org.bouncycastle.jce.provider.BouncyCastleProvider();

    private final Transactions jpa;
    private final Supplier<String> baseUrl;
    private final ECKey key;
    private final ECDSASigner signer;
    private final Cache<Integer, String> lists;
    /** Published keys as read; a key not (yet) published is asked for again. */
    private final Map<String, ECKey> published = new java.util.concurrent.ConcurrentHashMap<>();

    private Credentials(Transactions jpa, Supplier<String> baseUrl, ECKey key, int cacheSeconds) {
        this.jpa = jpa;
        this.baseUrl = baseUrl;
        this.key = key;
        try {
            this.signer = new ECDSASigner(key);
        } catch (JOSEException e) {
            throw new IllegalStateException("the credential key cannot sign", e);
        }
        // BouncyCastle's P-256 signs in half the time of the JDK's (measured here: 0.3 against 0.7 ms), once per render
        signer.getJCAContext().setProvider(BC);
        this.lists = Caffeine.newBuilder().maximumSize(64)
                .expireAfterWrite(Duration.ofSeconds(Math.max(1, cacheSeconds))).build();
    }

    /** The node's key from {@code file}, made there first if there is none, and published. */
    static Credentials open(Transactions jpa, Supplier<String> baseUrl, Path file, int cacheSeconds) {
        ECKey key = readOrMake(file);
        Credentials c = new Credentials(jpa, baseUrl, key, cacheSeconds);
        c.publish();
        return c;
    }

    private static ECKey readOrMake(Path file) {
        try {
            if (!Files.exists(file)) {
                ECKey made = new ECKeyGenerator(Curve.P_256).keyIDFromThumbprint(true).generate();
                Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
                Files.createDirectories(file.toAbsolutePath().getParent());
                Files.deleteIfExists(tmp);
                // readable by the platform's user only, as the first admin's password file is
                Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(tmp, made.toJSONString(), StandardCharsets.UTF_8);
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
                LOG.info("Made the credential signing key {} in {}", made.getKeyID(), file);
            }
            JWK jwk = JWK.parse(Files.readString(file, StandardCharsets.UTF_8));
            if (!(jwk instanceof ECKey ec) || !ec.isPrivate() || !Curve.P_256.equals(ec.getCurve())) {
                throw new IllegalStateException(file + " is not a private P-256 key (JWK)");
            }
            return ec.getKeyID() != null ? ec : new ECKey.Builder(ec).keyIDFromThumbprint().build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or make the credential key " + file, e);
        } catch (ParseException | JOSEException e) {
            throw new IllegalStateException("the credential key " + file + " is not a usable JWK", e);
        }
    }

    /** Adds this node's public key to the published ones, once (nodes sharing a key may start together). */
    private void publish() {
        String kid = key.getKeyID();
        String jwk = key.toPublicJWK().toJSONString();
        try {
            jpa.run(em -> {
                if (Sql.rows(em, "SELECT KID FROM TC_CREDENTIAL_KEY WHERE KID = ?", List.of(kid)).isEmpty()) {
                    Sql.update(em, "INSERT INTO TC_CREDENTIAL_KEY (KID, JWK, CREATED_AT) VALUES (?, ?, ?)", kid, jwk,
                            Db.now());
                }
            });
        } catch (RuntimeException e) {
            if (publishedKey(kid).isEmpty()) {
                throw e;
            }
        }
    }

    /** Every published public key, newest first, as a JSON Web Key Set. */
    String keySet() {
        List<Object> keys = new ArrayList<>();
        jpa.call(em -> Sql.rows(em, "SELECT JWK FROM TC_CREDENTIAL_KEY ORDER BY CREATED_AT DESC, KID", List.of()))
                .forEach(r -> {
                    try {
                        keys.add(JWK.parse(r[0].toString()).toJSONObject());
                    } catch (ParseException e) {
                        LOG.warn("A published credential key cannot be read and is left out", e);
                    }
                });
        return new Payload(Map.of("keys", keys)).toString();
    }

    /** The credential of certificate {@code id} (number {@code number}) as now rendered, signed. */
    String issue(long id, String number, PersonTitle t, Map<String, String> licence, String verificationUrl) {
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("type", "ProfessionalTitle");
        put(subject, "certificateNumber", number);
        put(subject, "name", t.name());
        put(subject, "gender", t.gender());
        put(subject, "birthDate", t.birthDate());
        put(subject, "employer", t.employer());
        put(subject, "series", t.series());
        put(subject, "specialty", t.specialty());
        put(subject, "titleName", t.titleName());
        put(subject, "level", t.level());
        put(subject, "committee", t.committee() == null ? null : t.committee().name());
        put(subject, "approvalNumber", t.approvalNumber());
        put(subject, "qualificationDate", t.qualificationDate());
        put(subject, "issuingAuthority", t.issuingAuthority() == null ? null : t.issuingAuthority().name());
        put(subject, "issueDate", t.issueDate());
        // the 电子证照 fields as GB/T 36903 names them: the holder's ID number only as configured (masked, hashed)
        subject.put("licence", licence);
        Map<String, Object> issuer = new LinkedHashMap<>();
        issuer.put("id", baseUrl.get() + "/");
        put(issuer, "name", t.issuingAuthority() == null ? null : t.issuingAuthority().name());
        Map<String, Object> vc = new LinkedHashMap<>();
        vc.put("@context", List.of(CONTEXT));
        vc.put("id", verificationUrl);
        vc.put("type", List.of("VerifiableCredential", "ProfessionalTitleCredential"));
        vc.put("name", "专业技术资格证书 " + number);
        vc.put("issuer", issuer);
        LocalDate from = t.issueDate() != null ? t.issueDate() : LocalDate.now(CHINA);
        vc.put("validFrom", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(from.atStartOfDay(CHINA)));
        vc.put("credentialSubject", subject);
        String list = statusListUrl((int) (id / LIST_SIZE));
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("id", list + "#" + id % LIST_SIZE);
        status.put("type", "BitstringStatusListEntry");
        status.put("statusPurpose", "revocation");
        status.put("statusListIndex", Long.toString(id % LIST_SIZE));
        status.put("statusListCredential", list);
        vc.put("credentialStatus", status);
        return sign(vc);
    }

    private String statusListUrl(int list) {
        return baseUrl.get() + "/api/v1/credentials/status/" + list;
    }

    /**
     * Status list {@code list}: a bit per certificate record, set where it is revoked (W3C Bitstring Status List,
     * GZIP, base64url, multibase 'u'), signed; kept a few seconds and dropped on every change.
     */
    String statusList(int list) {
        Long max = jpa.call(em -> em.createQuery("SELECT MAX(c.id) FROM CertificateEntity c", Long.class)
                .getSingleResult());
        long highest = max == null ? -1 : max;
        if (list < 0 || (long) list * LIST_SIZE > highest) {
            throw TitleCertException.notFound("STATUS_LIST_NOT_FOUND", "没有这个状态列表");
        }
        return lists.get(list, this::makeStatusList);
    }

    private String makeStatusList(int list) {
        long first = (long) list * LIST_SIZE;
        List<Long> revoked = jpa.call(em -> em.createQuery("SELECT c.id FROM CertificateEntity c WHERE c.validity = :v "
                        + "AND c.id >= :first AND c.id < :end", Long.class).setParameter("v", Validity.REVOKED)
                .setParameter("first", first).setParameter("end", first + LIST_SIZE).getResultList());
        byte[] bits = new byte[LIST_SIZE / 8];
        for (long id : revoked) {
            int i = (int) (id - first);
            bits[i >>> 3] |= (byte) (0x80 >>> (i & 7));
        }
        ByteArrayOutputStream zipped = new ByteArrayOutputStream(512);
        try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
            gz.write(bits);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String url = statusListUrl(list);
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("id", url + "#list");
        subject.put("type", "BitstringStatusList");
        subject.put("statusPurpose", "revocation");
        subject.put("encodedList", "u" + Base64.getUrlEncoder().withoutPadding().encodeToString(zipped.toByteArray()));
        Map<String, Object> vc = new LinkedHashMap<>();
        vc.put("@context", List.of(CONTEXT));
        vc.put("id", url);
        vc.put("type", List.of("VerifiableCredential", "BitstringStatusListCredential"));
        vc.put("issuer", baseUrl.get() + "/");
        vc.put("validFrom", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(Instant.now().atOffset(ZoneOffset.UTC)));
        vc.put("credentialSubject", subject);
        return sign(vc);
    }

    /** Revocations or reinstatements happened: status lists are made afresh. */
    void forgetStatus() {
        lists.invalidateAll();
    }

    private String sign(Map<String, Object> vc) {
        JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.ES256).type(TYPE).contentType("vc")
                .keyID(key.getKeyID()).build(), new Payload(vc));
        try {
            jws.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("could not sign a credential", e);
        }
        return jws.serialize();
    }

    /** Likely a compact JWS: three base64url parts, the first a JSON object. */
    static boolean looksLikeJws(byte[] data) {
        return data.length > 20 && data[0] == 'e' && data[1] == 'y' && data[2] == 'J';
    }

    /**
     * The credential's signature checked as a seal is: intact if it verifies with the key it names, trusted if that
     * key is one this platform published.
     */
    SealReport check(String compact) {
        JWSObject jws;
        try {
            jws = JWSObject.parse(compact.strip());
        } catch (ParseException e) {
            return report(null, false, false, "不是有效的可验证凭证（JWS）");
        }
        String kid = jws.getHeader().getKeyID();
        if (!JWSAlgorithm.ES256.equals(jws.getHeader().getAlgorithm()) || kid == null) {
            return report(kid, false, false, "凭证的签名算法或密钥标识不受支持");
        }
        Optional<ECKey> publicKey = Optional.ofNullable(published.get(kid)).or(() -> publishedKey(kid));
        publicKey.ifPresent(k -> published.putIfAbsent(kid, k));
        if (publicKey.isEmpty()) {
            return report(kid, false, false, "凭证的签名密钥不是本平台公布的密钥");
        }
        try {
            boolean intact = jws.verify(new ECDSAVerifier(publicKey.get()));
            return report(kid, intact, true, intact ? null : "凭证内容与签名不符，已被改动");
        } catch (JOSEException e) {
            return report(kid, false, true, "凭证的签名无法核验");
        }
    }

    private Optional<ECKey> publishedKey(String kid) {
        return jpa.call(em -> Sql.rows(em, "SELECT JWK FROM TC_CREDENTIAL_KEY WHERE KID = ?", List.of(kid))).stream()
                .findFirst().map(r -> {
                    try {
                        return JWK.parse(r[0].toString()) instanceof ECKey ec ? ec : null;
                    } catch (ParseException e) {
                        return null;
                    }
                });
    }

    private static SealReport report(String kid, boolean intact, boolean trusted, String problem) {
        return new SealReport(List.of(new SealCheck(kid == null ? "可验证凭证" : "可验证凭证签名密钥 " + kid, null, false,
                intact, trusted, problem)), false);
    }

    private static void put(Map<String, Object> m, String k, Object v) {
        if (v != null && !v.toString().isBlank()) {
            m.put(k, v.toString());
        }
    }
}

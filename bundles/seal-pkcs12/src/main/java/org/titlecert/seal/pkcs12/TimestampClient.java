package org.titlecert.seal.pkcs12;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;

import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;

/** Asks an RFC 3161 timestamp server to vouch for a hash; the answer is checked against the request. */
public final class TimestampClient {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final URI url;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public TimestampClient(URI url) {
        this.url = url;
    }

    /** The DER-encoded timestamp token for the SHA-256 of {@code data}. */
    byte[] token(byte[] data) throws IOException {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(data);
            TimeStampRequestGenerator gen = new TimeStampRequestGenerator();
            gen.setCertReq(true);
            TimeStampRequest request = gen.generate(NISTObjectIdentifiers.id_sha256, digest,
                    new BigInteger(64, RANDOM));
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(15))
                    .header("Content-Type", "application/timestamp-query")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(request.getEncoded())).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) {
                throw new IOException("timestamp server answered " + r.statusCode());
            }
            TimeStampResponse response = new TimeStampResponse(r.body());
            response.validate(request);
            if (response.getTimeStampToken() == null) {
                throw new IOException("timestamp server refused: " + response.getStatusString());
            }
            return response.getTimeStampToken().getEncoded();
        } catch (NoSuchAlgorithmException | TSPException e) {
            throw new IOException("timestamp failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the timestamp server", e);
        }
    }
}

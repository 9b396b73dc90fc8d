package org.titlecert.store.s3;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.titlecert.store.ContentStore;
import org.titlecert.store.DeletionHold;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * One area of the store as objects {@code <prefix><area>/ab/cd/<sha><extension>}. An S3 PUT is atomic and
 * durable once answered, so a crash leaves the whole object or none.
 */
final class S3ContentStore implements ContentStore {

    private static final Pattern SHA = Pattern.compile("[0-9a-f]{64}");

    private final S3Client s3;
    private final String bucket;
    private final String prefix;
    private final String extension;
    private final String contentType;
    private final ClassLoader loader = S3ContentStore.class.getClassLoader();
    private final DeletionHold deletions;

    S3ContentStore(S3Client s3, String bucket, String prefix, String extension, DeletionHold deletions) {
        this.s3 = s3;
        this.deletions = deletions;
        this.bucket = bucket;
        this.prefix = prefix;
        this.extension = extension;
        this.contentType = switch (extension) {
            case ".pdf" -> "application/pdf";
            case ".jpg" -> "image/jpeg";
            default -> "application/octet-stream";
        };
    }

    String key(String sha) {
        if (!SHA.matcher(sha).matches()) {
            throw new IllegalArgumentException("not a SHA-256: " + sha);
        }
        return prefix + sha.substring(0, 2) + "/" + sha.substring(2, 4) + "/" + sha + extension;
    }

    @Override
    public String put(byte[] data) {
        String sha = ContentStore.sha256(data);
        if (!exists(sha)) {
            call(() -> s3.putObject(b -> b.bucket(bucket).key(key(sha)).contentType(contentType)
                    .contentLength((long) data.length), RequestBody.fromBytes(data)));
        }
        return sha;
    }

    @Override
    public byte[] get(String sha) {
        try (InputStream in = open(sha)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public InputStream open(String sha) throws IOException {
        try {
            return call(() -> s3.getObject(b -> b.bucket(bucket).key(key(sha))));
        } catch (NoSuchKeyException e) {
            throw new FileNotFoundException(bucket + "/" + key(sha));
        } catch (SdkException e) {
            throw new IOException(bucket + "/" + key(sha) + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean exists(String sha) {
        try {
            call(() -> s3.headObject(b -> b.bucket(bucket).key(key(sha))));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public void delete(String sha) {
        deletions.delete(sha, s -> call(() -> s3.deleteObject(b -> b.bucket(bucket).key(key(s)))));
    }

    /** The SDK finds some of its parts through the context class loader: let it be the one that has them. */
    private <T> T call(Supplier<T> work) {
        Thread t = Thread.currentThread();
        ClassLoader before = t.getContextClassLoader();
        t.setContextClassLoader(loader);
        try {
            return work.get();
        } finally {
            t.setContextClassLoader(before);
        }
    }
}

package org.titlecert.api;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Supplier;


/** Counts what is read through it and refuses, with the given error, once the count passes the limit. */
public final class BoundedInputStream extends FilterInputStream {

    private final long limit;
    private final Supplier<TitleCertException> refusal;
    private long count;

    public BoundedInputStream(InputStream in, long limit, Supplier<TitleCertException> refusal) {
        super(in);
        this.limit = limit;
        this.refusal = refusal;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            counted(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            counted(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // skipping still inflates: read through so that it counts
        byte[] buffer = new byte[8192];
        long skipped = 0;
        while (skipped < n) {
            int r = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
            if (r < 0) {
                break;
            }
            skipped += r;
        }
        return skipped;
    }

    /** Leaves the underlying stream open: whoever opened it closes it. */
    @Override
    public void close() {
    }

    private void counted(int n) {
        count += n;
        if (count > limit) {
            throw refusal.get();
        }
    }
}

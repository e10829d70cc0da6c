package io.github.s3lite.transfer;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A GET body read from byte 0 that checks, at its end, that it had {@code length} bytes (when known) and that the
 * {@link DownloadVerifier}'s checksum matches; either failure is an {@link IOException} from the last read.
 * Skipping makes the checksum unverifiable, so it is then not checked.
 */
public final class VerifyingInputStream extends FilterInputStream {
    private final DownloadVerifier verifier;
    private final long length;
    private final String what;
    private long position;
    private boolean sequential = true;

    public VerifyingInputStream(InputStream in, long length, DownloadVerifier verifier, String what) {
        super(in);
        this.length = length;
        this.verifier = verifier;
        this.what = what;
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b < 0) {
            atEnd();
        } else {
            position++;
            if (sequential && verifier.active()) {
                verifier.update(new byte[] {(byte) b}, 0, 1);
            }
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        if (n < 0) {
            atEnd();
        } else if (n > 0) {
            position += n;
            if (sequential) {
                verifier.update(b, off, n);
            }
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long s = in.skip(n);
        if (s > 0) {
            sequential = false;
            position += s;
        }
        return s;
    }

    /** Copies with 256 KiB reads. */
    @Override
    public long transferTo(java.io.OutputStream out) throws IOException {
        byte[] buf = new byte[256 * 1024];
        long total = 0;
        int n;
        while ((n = read(buf, 0, buf.length)) != -1) {
            out.write(buf, 0, n);
            total += n;
        }
        return total;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void atEnd() throws IOException {
        if (length >= 0 && position != length) {
            throw new IOException("The body of " + what + " ended after " + position + " of " + length + " bytes");
        }
        if (sequential && verifier.active()) {
            sequential = false;
            String bad = verifier.mismatch();
            if (bad != null) {
                throw new IOException("The body of " + what + " failed its integrity check: " + bad);
            }
        }
    }
}

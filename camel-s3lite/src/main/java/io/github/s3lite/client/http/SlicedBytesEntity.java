package io.github.s3lite.client.http;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.IOException;
import java.io.OutputStream;

import org.apache.hc.core5.http.io.entity.AbstractHttpEntity;

/**
 * A repeatable byte-array body written in slices of {@value #SLICE} bytes instead of one {@code write} of the whole
 * array. A socket write of a heap array goes through a temporary direct buffer as large as the write: one 8 MiB
 * write copies 8 MiB out of the CPU caches into an 8 MiB native buffer per thread; 64 KiB slices keep that copy in
 * cache and the native buffer small.
 */
public final class SlicedBytesEntity extends AbstractHttpEntity {
    static final int SLICE = 64 * 1024;

    private final byte[] data;
    private final int offset;
    private final int length;

    public SlicedBytesEntity(byte[] data, int offset, int length) {
        super((String) null, null, false);
        this.data = data;
        this.offset = offset;
        this.length = length;
    }

    @Override
    public boolean isRepeatable() {
        return true;
    }

    @Override
    public long getContentLength() {
        return length;
    }

    @Override
    public InputStream getContent() {
        return new ByteArrayInputStream(data, offset, length);
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        for (int done = 0; done < length; done += SLICE) {
            out.write(data, offset + done, Math.min(SLICE, length - done));
        }
        out.flush();
    }

    @Override
    public boolean isStreaming() {
        return false;
    }

    @Override
    public void close() {
        // nothing held
    }
}

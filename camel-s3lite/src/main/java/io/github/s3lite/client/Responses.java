package io.github.s3lite.client;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.github.s3lite.client.xml.XmlNode;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;

/** Response mapping: headers to {@link ObjectInfo}, bodies to XML trees (the documents are read by {@link S3Xml}). */
final class Responses {

    private Responses() {
    }

    /** {@code x-amz-server-side-encryption}, or {@code SSE-C:<algorithm>} for customer-provided keys; else null. */
    private static String encryption(ClassicHttpResponse r) {
        String customer = header(r, "x-amz-server-side-encryption-customer-algorithm");
        if (customer != null && !customer.isBlank()) {
            return "SSE-C:" + LogText.of(customer.trim(), 64);
        }
        String sse = header(r, "x-amz-server-side-encryption");
        return sse == null || sse.isBlank() ? null : LogText.of(sse.trim(), 64);
    }

    static ObjectInfo objectInfo(String key, ClassicHttpResponse r) {
        Map<String, String> meta = new LinkedHashMap<>();
        Map<String, String> checksums = new LinkedHashMap<>();
        for (Header h : r.getHeaders()) {
            String n = h.getName().toLowerCase(Locale.ROOT);
            if (n.startsWith("x-amz-meta-")) {
                meta.merge(n.substring("x-amz-meta-".length()), h.getValue(), (a, b) -> a + "," + b);
            } else if (n.startsWith("x-amz-checksum-")) {
                checksums.put(n.substring("x-amz-checksum-".length()), h.getValue().trim());
            }
        }
        long length = -1;
        String cl = header(r, "Content-Length");
        if (cl != null) {
            try {
                length = Long.parseLong(cl.trim());
            } catch (NumberFormatException e) {
                throw new S3Exception("S3 answered a malformed Content-Length '" + LogText.of(cl, 64) + "' for "
                        + LogText.of(key), r.getCode(), null, header(r, "x-amz-request-id"), e);
            }
        } else if (r.getEntity() != null) {
            length = r.getEntity().getContentLength();
        }
        String lm = header(r, "Last-Modified");
        Instant lastModified = null;
        if (lm != null) {
            try {
                lastModified = ZonedDateTime.parse(lm, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            } catch (RuntimeException ignored) {
                // leave null
            }
        }
        return new ObjectInfo(key, length, header(r, "Content-Type"), header(r, "ETag"), lastModified,
                header(r, "x-amz-version-id"), header(r, "Content-Encoding"), header(r, "Cache-Control"),
                header(r, "Content-Disposition"), header(r, "Content-Range"), Map.copyOf(meta), Map.copyOf(checksums),
                header(r, "Content-Language"), header(r, "Expires"), encryption(r), StorageInfo.of(r));
    }

    /**
     * The body of a successful answer as an XML tree, read through a cap of
     * {@link S3Limits#MAX_RESPONSE_DOCUMENT_BYTES}. A larger or malformed document is a permanent
     * {@link S3Exception} (the same request gets the same answer); a body cut short is an {@link IOException}
     * (transient).
     */
    static XmlNode parseXml(ClassicHttpResponse r, String what, String bucket, String key) throws IOException {
        HttpEntity e = r.getEntity();
        String name = what + " " + bucket + (key == null ? "" : "/" + key);
        if (e == null) {
            throw new S3TransientException("S3 " + name + " returned no body", r.getCode(), null,
                    header(r, "x-amz-request-id"), null);
        }
        try (CappedInput in = new CappedInput(e.getContent(), S3Limits.MAX_RESPONSE_DOCUMENT_BYTES)) {
            try {
                return XmlNode.parse(in);
            } catch (IOException | RuntimeException failure) {
                if (in.failure != null) {
                    throw in.failure;
                }
                if (in.exceeded) {
                    throw new S3Exception("S3 " + name + " answered a document larger than "
                            + S3Limits.MAX_RESPONSE_DOCUMENT_BYTES + " bytes; refused (is the endpoint an S3 service?)",
                            r.getCode(), null, header(r, "x-amz-request-id"), null);
                }
                throw new S3Exception("S3 " + name + " answered HTTP " + r.getCode() + " with a malformed document: "
                        + LogText.of(failure.getMessage()), r.getCode(), null, header(r, "x-amz-request-id"), failure);
            }
        }
    }

    /** Reads at most {@code cap} bytes, remembering whether the cap was hit and any failure of the stream. */
    static final class CappedInput extends FilterInputStream {
        private long left;
        boolean exceeded;
        IOException failure;

        CappedInput(InputStream in, long cap) {
            super(in);
            this.left = cap;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                exceeded = true;
                throw new IOException("document larger than the cap");
            }
            try {
                int n = super.read(b, off, (int) Math.min(len, left));
                if (n > 0) {
                    left -= n;
                }
                return n;
            } catch (IOException e) {
                failure = e;
                throw e;
            }
        }
    }

    static String header(ClassicHttpResponse r, String name) {
        Header h = r.getFirstHeader(name);
        return h == null ? null : h.getValue();
    }

    static void closeQuietly(ClassicHttpResponse r) {
        try {
            r.close();
        } catch (IOException ignored) {
            // nothing to do
        }
    }
}

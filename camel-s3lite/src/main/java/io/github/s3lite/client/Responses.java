package io.github.s3lite.client;

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
            length = Long.parseLong(cl.trim());
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
                header(r, "Content-Disposition"), header(r, "Content-Range"), Map.copyOf(meta), Map.copyOf(checksums));
    }

    static XmlNode parseXml(ClassicHttpResponse r, String what, String bucket, String key) throws IOException {
        HttpEntity e = r.getEntity();
        if (e == null) {
            throw new S3TransientException("S3 " + what + " " + bucket + (key == null ? "" : "/" + key)
                    + " returned no body", r.getCode(), null, header(r, "x-amz-request-id"), null);
        }
        try (InputStream in = e.getContent()) {
            return XmlNode.parse(in);
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

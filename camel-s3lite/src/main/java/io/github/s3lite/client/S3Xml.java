package io.github.s3lite.client;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.github.s3lite.client.xml.XmlNode;

/** Readers and writers for the S3 XML documents the client uses. */
final class S3Xml {
    private static final List<ChecksumAlgorithm> FLEXIBLE = List.of(ChecksumAlgorithm.CRC32C, ChecksumAlgorithm.CRC32,
            ChecksumAlgorithm.SHA256);

    private S3Xml() {
    }

    /** ListObjectsV2 response ({@code ListBucketResult}). */
    /**
     * A value of a listing sent with {@code encoding-type=url}: decoded when the answer says it is URL-encoded
     * ({@code <EncodingType>url</EncodingType>}), as it is where a store ignores the parameter.
     */
    static String listed(XmlNode root, String value) {
        if (value == null || !"url".equalsIgnoreCase(root.text("EncodingType"))) {
            return value;
        }
        return java.net.URLDecoder.decode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    static ListPage listPage(XmlNode root) {
        List<S3ObjectSummary> objects = new ArrayList<>();
        for (XmlNode c : root.all("Contents")) {
            objects.add(new S3ObjectSummary(listed(root, c.text("Key")), parseLong(c.text("Size")), c.text("ETag"),
                    instant(c.text("LastModified")), c.text("StorageClass")));
        }
        List<String> prefixes = new ArrayList<>();
        for (XmlNode p : root.all("CommonPrefixes")) {
            prefixes.add(listed(root, p.text("Prefix")));
        }
        boolean truncated = "true".equalsIgnoreCase(root.text("IsTruncated"));
        String next = truncated ? root.text("NextContinuationToken") : null;
        return new ListPage(List.copyOf(objects), List.copyOf(prefixes), next, truncated);
    }

    record PartsPage(List<PartInfo> parts, Integer nextPartNumberMarker, boolean truncated) {
    }

    /** ListParts response ({@code ListPartsResult}). */
    static PartsPage partsPage(XmlNode root) {
        List<PartInfo> parts = new ArrayList<>();
        for (XmlNode p : root.all("Part")) {
            PartInfo part = new PartInfo(Integer.parseInt(p.text("PartNumber").trim()), p.text("ETag"),
                    parseLong(p.text("Size")), instant(p.text("LastModified")));
            for (ChecksumAlgorithm a : FLEXIBLE) {
                String value = p.text("Checksum" + a.wireName());
                if (value != null && !value.isBlank()) {
                    part = part.withChecksum(a, value.trim());
                    break;
                }
            }
            parts.add(part);
        }
        boolean truncated = "true".equalsIgnoreCase(root.text("IsTruncated"));
        String marker = root.text("NextPartNumberMarker");
        Integer next = truncated && marker != null && !marker.isBlank() ? Integer.valueOf(marker.trim()) : null;
        return new PartsPage(List.copyOf(parts), next, truncated);
    }

    record ObjectPartsPage(List<Long> sizes, Integer nextPartNumberMarker) {
    }

    /** GetObjectAttributes response with {@code ObjectParts}: the parts' sizes; empty when it lists no part. */
    static ObjectPartsPage objectPartsPage(XmlNode root) {
        XmlNode parts = root.child("ObjectParts");
        if (parts == null) {
            return new ObjectPartsPage(List.of(), null);
        }
        List<Long> sizes = new ArrayList<>();
        for (XmlNode p : parts.all("Part")) {
            sizes.add(parseLong(p.text("Size")));
        }
        boolean truncated = "true".equalsIgnoreCase(parts.text("IsTruncated"));
        String marker = parts.text("NextPartNumberMarker");
        Integer next = truncated && marker != null && !marker.isBlank() ? Integer.valueOf(marker.trim()) : null;
        return new ObjectPartsPage(List.copyOf(sizes), next);
    }

    record UploadsPage(List<MultipartUploadInfo> uploads, String nextKeyMarker, String nextUploadIdMarker,
            boolean truncated) {
    }

    /** ListMultipartUploads response ({@code ListMultipartUploadsResult}). */
    static UploadsPage uploadsPage(XmlNode root) {
        List<MultipartUploadInfo> uploads = new ArrayList<>();
        for (XmlNode u : root.all("Upload")) {
            uploads.add(new MultipartUploadInfo(listed(root, u.text("Key")), u.text("UploadId"), instant(u.text("Initiated"))));
        }
        boolean truncated = "true".equalsIgnoreCase(root.text("IsTruncated"));
        return new UploadsPage(List.copyOf(uploads), listed(root, root.text("NextKeyMarker")), root.text("NextUploadIdMarker"), truncated);
    }

    static CopyResult copyResult(XmlNode root, String versionId) {
        return new CopyResult(root.text("ETag"), instant(root.text("LastModified")), versionId);
    }

    static DeleteObjectsResult deleteResult(XmlNode root) {
        List<String> deleted = new ArrayList<>();
        for (XmlNode d : root.all("Deleted")) {
            deleted.add(d.text("Key"));
        }
        List<DeleteObjectsResult.Error> errors = new ArrayList<>();
        for (XmlNode e : root.all("Error")) {
            errors.add(new DeleteObjectsResult.Error(e.text("Key"), e.text("Code"), e.text("Message")));
        }
        return new DeleteObjectsResult(List.copyOf(deleted), List.copyOf(errors));
    }

    /**
     * {@code <CompleteMultipartUpload>} body; parts must be sorted by number. A part with a flexible checksum gets its
     * {@code <ChecksumCRC32C>} (or CRC32, SHA256) element, as AWS requires for an upload created with that algorithm.
     * Checksums are listed for all parts or for none: AWS and S3Proxy refuse a list where some parts lack one, while
     * S3Proxy accepts one without any (the uploader fills in the checksums of resumed parts).
     */
    static String completeMultipartUpload(List<PartInfo> parts) {
        boolean checksums = !parts.isEmpty() && parts.stream().allMatch(p -> p.checksum() != null);
        StringBuilder sb = new StringBuilder("<CompleteMultipartUpload xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">");
        for (PartInfo p : parts) {
            sb.append("<Part><PartNumber>").append(p.partNumber()).append("</PartNumber><ETag>")
                    .append(escape(p.eTag())).append("</ETag>");
            if (checksums) {
                String element = "Checksum" + p.checksumAlgorithm().wireName();
                sb.append('<').append(element).append('>').append(escape(p.checksum())).append("</").append(element)
                        .append('>');
            }
            sb.append("</Part>");
        }
        return sb.append("</CompleteMultipartUpload>").toString();
    }

    /** {@code <Delete>} body for DeleteObjects (quiet mode off, so every result is reported). */
    static String delete(List<String> keys) {
        StringBuilder sb = new StringBuilder("<Delete xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Quiet>false</Quiet>");
        for (String k : keys) {
            sb.append("<Object><Key>").append(escape(k)).append("</Key></Object>");
        }
        return sb.append("</Delete>").toString();
    }

    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&apos;");
                case '\r' -> sb.append("&#13;");
                case '\n' -> sb.append("&#10;");
                case '\t' -> sb.append("&#9;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    private static long parseLong(String s) {
        return s == null || s.isBlank() ? 0 : Long.parseLong(s.trim());
    }

    static Instant instant(String s) {
        return s == null || s.isBlank() ? null : Instant.parse(s.trim());
    }
}

package io.github.s3lite.client;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/**
 * S3 Object Lock of a new object: a retention {@code mode} ({@code GOVERNANCE} or {@code COMPLIANCE}) with the
 * date it holds until, and/or a legal hold. Only buckets created with Object Lock accept it, and S3 requires an
 * integrity check (Content-MD5 or {@code x-amz-checksum-*}) on such writes. Sent on PutObject,
 * CreateMultipartUpload and the destination of CopyObject.
 */
public record ObjectLock(String mode, Instant retainUntil, boolean legalHold) {

    public static final ObjectLock NONE = new ObjectLock(null, null, false);

    public ObjectLock {
        mode = mode == null || mode.isBlank() ? null : mode.trim().toUpperCase(Locale.ROOT);
        if (mode != null && !mode.equals("GOVERNANCE") && !mode.equals("COMPLIANCE")) {
            throw new IllegalArgumentException("objectLockMode=" + LogText.of(mode, 64) + " is not GOVERNANCE or COMPLIANCE");
        }
        if ((mode == null) != (retainUntil == null)) {
            throw new IllegalArgumentException("objectLockMode and objectLockRetainUntil go together (S3 refuses one without "
                    + "the other): set both, such as objectLockMode=GOVERNANCE&objectLockRetainUntil=30d, or neither");
        }
    }

    boolean isNone() {
        return mode == null && !legalHold;
    }

    void putHeaders(Map<String, String> h) {
        if (mode != null) {
            h.put("x-amz-object-lock-mode", mode);
            h.put("x-amz-object-lock-retain-until-date", DateTimeFormatter.ISO_INSTANT.format(retainUntil));
        }
        if (legalHold) {
            h.put("x-amz-object-lock-legal-hold", "ON");
        }
    }
}

package io.github.s3lite.metrics;

import java.util.Locale;

/** Which way body bytes went: the {@code direction} tag of {@code s3lite.bytes}. */
public enum TransferDirection {
    UPLOAD, DOWNLOAD;

    /** The tag value: {@code upload} or {@code download}. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}

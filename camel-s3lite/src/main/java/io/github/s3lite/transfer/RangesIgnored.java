package io.github.s3lite.transfer;

/**
 * A ranged GET was answered with the whole object (a {@code 200} without {@code Content-Range}): the store does not
 * serve ranges, so the download falls back to one GET from byte 0.
 */
final class RangesIgnored extends Exception {
    private static final long serialVersionUID = 1L;

    RangesIgnored(String message) {
        super(message, null, false, false);
    }
}

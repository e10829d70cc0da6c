package io.github.s3lite.transfer;

/** The server's answer does not fit the version or range asked for: the temp files were discarded. */
final class StartOver extends Exception {
    private static final long serialVersionUID = 1L;

    StartOver(String message) {
        super(message, null, false, false);
    }
}

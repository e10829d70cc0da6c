package io.github.s3lite.client.http;

import java.io.InterruptedIOException;

/**
 * The transport gave up on a request: its deadline passed, the server stopped taking the request body, or a
 * response body arrived too slowly. The connection has been closed. A retry can cure it.
 */
public final class TransferTimeoutException extends InterruptedIOException {
    private static final long serialVersionUID = 1L;

    public TransferTimeoutException(String message, Throwable cause) {
        super(message);
        initCause(cause);
    }
}

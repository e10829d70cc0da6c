package io.github.s3lite.client;

import java.io.IOException;
import java.io.InputStream;

/**
 * A streaming GET. The body streams from the connection; closing it returns (or discards) the connection.
 * When an {@code If-None-Match} matched (HTTP 304), {@code notModified} is true and {@code body} is null.
 * {@code status} is the HTTP status ({@code 200}, {@code 206} for a range, {@code 304}).
 */
public record GetObjectResponse(ObjectInfo info, InputStream body, boolean notModified, int status) implements AutoCloseable {

    /** A response whose status follows from {@code notModified} (304) or is taken as 200. */
    public GetObjectResponse(ObjectInfo info, InputStream body, boolean notModified) {
        this(info, body, notModified, notModified ? 304 : 200);
    }

    @Override
    public void close() throws IOException {
        if (body != null) {
            body.close();
        }
    }
}

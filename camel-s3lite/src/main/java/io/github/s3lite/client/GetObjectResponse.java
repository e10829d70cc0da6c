package io.github.s3lite.client;

import java.io.IOException;
import java.io.InputStream;

/**
 * A streaming GET. The body streams from the connection; closing it returns (or discards) the connection.
 * When an {@code If-None-Match} matched (HTTP 304), {@code notModified} is true and {@code body} is null.
 */
public record GetObjectResponse(ObjectInfo info, InputStream body, boolean notModified) implements AutoCloseable {
    @Override
    public void close() throws IOException {
        if (body != null) {
            body.close();
        }
    }
}

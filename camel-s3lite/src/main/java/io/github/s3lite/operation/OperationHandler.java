package io.github.s3lite.operation;

import org.apache.camel.Exchange;

/** One producer operation: reads the exchange, calls the client, writes the result back. */
@FunctionalInterface
public interface OperationHandler {
    void handle(Exchange exchange) throws Exception;
}

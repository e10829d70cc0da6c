package io.github.s3lite;

import org.apache.camel.Exchange;

/** One producer operation: reads the exchange, calls the client, writes the result back. */
@FunctionalInterface
interface OperationHandler {
    void handle(Exchange exchange) throws Exception;
}

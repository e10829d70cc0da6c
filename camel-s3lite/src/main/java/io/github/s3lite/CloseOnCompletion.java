package io.github.s3lite;

import java.io.Closeable;
import java.io.IOException;

import org.apache.camel.Exchange;
import org.apache.camel.support.SynchronizationAdapter;

/** The lifecycle of a streamed body: closed when its exchange is done, whether it succeeded or failed. */
public final class CloseOnCompletion {

    private CloseOnCompletion() {
    }

    /** Closes {@code body} when {@code exchange} completes or fails, so its connection goes back to the pool. */
    public static void register(Exchange exchange, Closeable body) {
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                try {
                    body.close();
                } catch (IOException ignored) {
                    // the connection is discarded either way
                }
            }
        });
    }
}

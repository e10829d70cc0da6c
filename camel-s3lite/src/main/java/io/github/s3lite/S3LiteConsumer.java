package io.github.s3lite;

import java.util.Queue;

import org.apache.camel.Processor;
import org.apache.camel.support.ScheduledBatchPollingConsumer;

/** Polls a bucket. (Placeholder: the full consumer comes with its own change.) */
public class S3LiteConsumer extends ScheduledBatchPollingConsumer {

    public S3LiteConsumer(S3LiteEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    protected int poll() throws Exception {
        return 0;
    }

    @Override
    public int processBatch(Queue<Object> exchanges) throws Exception {
        return 0;
    }
}

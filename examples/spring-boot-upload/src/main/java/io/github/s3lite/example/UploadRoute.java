package io.github.s3lite.example;

import io.github.s3lite.S3LiteConstants;
import io.github.s3lite.client.S3TransientException;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * The Java DSL route: inbox directory to S3, then HeadObject to confirm; the file moves to the done directory only when
 * the whole route succeeded, to the failed directory otherwise. The same route in YAML is camel/upload-route.yaml.
 */
@Component
public class UploadRoute extends RouteBuilder {

    @Override
    public void configure() {
        // 5xx, throttling, timeouts, connection resets: retry 1s, 2s, 4s, 8s, 16s (±15 %); the multipart checkpoints
        // make a retried upload resume with the parts already stored
        onException(S3TransientException.class)
                .maximumRedeliveries(5).redeliveryDelay(1000)
                .useExponentialBackOff().backOffMultiplier(2).useCollisionAvoidance()
                .retryAttemptedLogLevel(org.apache.camel.LoggingLevel.WARN);

        from("file:{{example.inbox}}?readLock=changed&readLockMinAge=1s"
             + "&move={{example.done}}/${file:name}&moveFailed={{example.failed}}/${file:name}")
                .routeId("upload-java")
                .log("Uploading ${file:name} (${file:size} bytes) to s3lite:{{example.bucket}}")
                .to("s3lite:{{example.bucket}}?keyName=java/${file:name}&metadata.dsl=java")
                .log("Uploaded ${header.CamelS3LiteKey} in ${header.CamelS3LitePartCount} part(s), "
                     + "${header.CamelS3LiteResumedPartCount} resumed, ETag ${header.CamelS3LiteETag}")
                // confirm: HeadObject on the key just written (the body, the file, is kept)
                .setHeader(S3LiteConstants.OPERATION, constant("headObject"))
                .to("s3lite:{{example.bucket}}")
                .removeHeader(S3LiteConstants.OPERATION)
                .bean("uploadTracker", "verify");
    }
}

package io.github.s3lite.operation;

import java.io.File;
import java.nio.file.Path;
import java.nio.file.Paths;

import io.github.s3lite.CloseOnCompletion;
import io.github.s3lite.S3LiteConstants;
import io.github.s3lite.S3LiteEndpoint;
import io.github.s3lite.client.GetObjectResponse;
import io.github.s3lite.client.GetOptions;
import io.github.s3lite.transfer.ResumableDownload;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.util.ObjectHelper;

/**
 * getObject: the body is an InputStream streaming from the connection, closed when the exchange completes (also
 * on failure) so the pool cannot leak. With {@code CamelS3LiteDestinationFile} or {@code destinationDirectory}
 * the object is downloaded resumably and the body is the File.
 */
public final class GetObjectHandler extends AbstractHandler {

    public GetObjectHandler(S3LiteEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public void handle(Exchange exchange) throws Exception {
        String bucket = bucket(exchange);
        String key = key(exchange);
        Message m = exchange.getMessage();
        Path target = destination(exchange, key);
        if (target != null) {
            ResumableDownload.Result r = ResumableDownload.download(client(), bucket, key, target);
            setObjectHeaders(m, bucket, client().headObject(bucket, key, null));
            m.setHeader(S3LiteConstants.DOWNLOAD_RESUMED_FROM, r.resumedFrom());
            m.setBody(r.file().toFile());
            return;
        }
        GetOptions options = new GetOptions(header(exchange, S3LiteConstants.RANGE), header(exchange, S3LiteConstants.IF_MATCH),
                header(exchange, S3LiteConstants.IF_NONE_MATCH));
        GetObjectResponse r = client().getObject(bucket, key, options);
        setObjectHeaders(m, bucket, r.info());
        if (r.notModified()) {
            m.setHeader(S3LiteConstants.NOT_MODIFIED, true);
            m.setBody(null);
            return;
        }
        m.setHeader(S3LiteConstants.NOT_MODIFIED, false);
        CloseOnCompletion.register(exchange, r.body());
        m.setBody(r.body());
    }

    private Path destination(Exchange exchange, String key) {
        Object dest = exchange.getMessage().getHeader(S3LiteConstants.DESTINATION_FILE);
        if (dest instanceof Path p) {
            return p;
        }
        if (dest instanceof File f) {
            return f.toPath();
        }
        if (dest != null && ObjectHelper.isNotEmpty(dest.toString())) {
            return Paths.get(dest.toString());
        }
        String dir = config().getDestinationDirectory();
        return ObjectHelper.isEmpty(dir) ? null : ResumableDownload.targetInside(Paths.get(dir), key);
    }
}

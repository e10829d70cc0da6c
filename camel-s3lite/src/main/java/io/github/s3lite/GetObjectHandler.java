package io.github.s3lite;

import java.io.File;
import java.io.InputStream;
import java.nio.file.Path;
import java.nio.file.Paths;

import io.github.s3lite.client.GetObjectResponse;
import io.github.s3lite.client.GetOptions;
import io.github.s3lite.client.S3LiteClient;
import io.github.s3lite.transfer.DestinationDirectory;
import io.github.s3lite.transfer.DownloadChecksumValidation;
import io.github.s3lite.transfer.DownloadTarget;
import io.github.s3lite.transfer.DownloadVerifier;
import io.github.s3lite.transfer.ResumableDownload;
import io.github.s3lite.transfer.VerifyingInputStream;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.util.ObjectHelper;

/**
 * getObject: the body is an InputStream streaming from the connection, closed when the exchange completes (also
 * on failure) so the pool cannot leak; read from byte 0 it checks the length and, per
 * {@code downloadChecksumValidation}, the checksum at its end. With {@code CamelS3LiteDestinationFile} or
 * {@code destinationDirectory} the object is downloaded resumably (see {@link ResumableDownload}), the body is the
 * File and the headers are those of the version in the file ({@code CamelS3LiteIfMatch} pins it).
 */
final class GetObjectHandler extends AbstractHandler {

    public GetObjectHandler(S3LiteEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public void handle(Exchange exchange) throws Exception {
        String bucket = bucket(exchange);
        String key = key(exchange);
        Message m = exchange.getMessage();
        DownloadChecksumValidation validation = config().getDownloadChecksumValidation();
        DownloadTarget target = destination(exchange, key);
        S3LiteClient client = client(exchange);
        String version = header(exchange, S3LiteConstants.TARGET_VERSION_ID);
        if (target != null) {
            if (version != null) {
                throw new IllegalArgumentException("getObject to a file takes the current version only: remove "
                        + S3LiteConstants.TARGET_VERSION_ID + " (pin a version by its ETag with " + S3LiteConstants.IF_MATCH
                        + "), or read that version as a stream");
            }
            ResumableDownload.Result r = ResumableDownload.download(client, bucket, key, target,
                    header(exchange, S3LiteConstants.IF_MATCH), validation, config().downloadParallelism(),
                    endpoint.getTransferExecutor(), endpoint.getTransferListener());
            setObjectHeaders(m, bucket, r.info());
            m.setHeader(S3LiteConstants.DOWNLOAD_RESUMED_FROM, r.resumedFrom());
            m.setHeader(S3LiteConstants.DOWNLOAD_VERIFIED_WITH, r.verifiedWith());
            m.setBody(r.file().toFile());
            return;
        }
        String range = header(exchange, S3LiteConstants.RANGE);
        boolean whole = ObjectHelper.isEmpty(range);
        GetOptions options = new GetOptions(range, header(exchange, S3LiteConstants.IF_MATCH),
                header(exchange, S3LiteConstants.IF_NONE_MATCH), whole && validation != DownloadChecksumValidation.NEVER,
                version);
        GetObjectResponse r = client.getObject(bucket, key, options);
        setObjectHeaders(m, bucket, r.info());
        if (r.notModified()) {
            m.setHeader(S3LiteConstants.NOT_MODIFIED, true);
            m.setBody(null);
            return;
        }
        m.setHeader(S3LiteConstants.NOT_MODIFIED, false);
        InputStream body = r.body();
        if (whole) {
            DownloadVerifier verifier;
            try {
                verifier = DownloadVerifier.plan(client, bucket, key, r.info(), validation);
            } catch (RuntimeException e) {
                r.close();
                throw e;
            }
            body = new VerifyingInputStream(body, r.info().contentLength(), verifier, bucket + "/" + key);
        }
        CloseOnCompletion.register(exchange, body);
        m.setBody(body);
    }

    private DownloadTarget destination(Exchange exchange, String key) {
        Object dest = exchange.getMessage().getHeader(S3LiteConstants.DESTINATION_FILE);
        if (dest instanceof Path p) {
            return DownloadTarget.file(p);
        }
        if (dest instanceof File f) {
            return DownloadTarget.file(f.toPath());
        }
        if (dest != null && ObjectHelper.isNotEmpty(dest.toString())) {
            return DownloadTarget.file(Paths.get(dest.toString()));
        }
        String dir = config().getDestinationDirectory();
        return ObjectHelper.isEmpty(dir) ? null : new DestinationDirectory(Paths.get(dir)).prepare(key);
    }
}

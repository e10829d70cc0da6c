package io.github.s3lite;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import io.github.s3lite.client.ObjectWriteOptions;
import io.github.s3lite.client.PutResult;
import io.github.s3lite.client.RequestBody;
import io.github.s3lite.client.S3Exception;
import io.github.s3lite.client.S3LiteClient;
import io.github.s3lite.client.S3Limits;
import io.github.s3lite.content.ContentTypeResolver;
import io.github.s3lite.content.DefaultContentTypeResolver;
import io.github.s3lite.content.HeadPeek;
import io.github.s3lite.metrics.TransferProgress;
import io.github.s3lite.upload.MemoryBudget;
import io.github.s3lite.upload.MultipartUploader;
import io.github.s3lite.upload.UploadProgress;
import io.github.s3lite.upload.UploadResult;
import io.github.s3lite.upload.UploadSource;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.StreamCache;
import org.apache.camel.WrappedFile;
import org.apache.camel.support.ExchangeHelper;

/**
 * putObject: a single PUT up to {@code multipartThreshold}, a checkpointed multipart upload above it or for a
 * stream of unknown length. Files are streamed from disk with their exact length, never read into the heap.
 * Progress goes to the endpoint's transfer listener and the progress log.
 * <p>
 * Size: what the body is (file, bytes, replayable or one-shot stream), what a redelivery may do with it and the
 * single-or-multipart choice are one decision, kept here rather than passed between classes.
 */
final class PutObjectHandler extends AbstractHandler {

    /** What the body turned out to be. */
    private sealed interface Body {
    }

    private record FileBody(Path path) implements Body {
    }

    private record BytesBody(byte[] data) implements Body {
    }

    /**
     * A stream; {@code replayable} when it is a stream cache (reset to byte 0 for each attempt). Otherwise it is read
     * once: {@code owned} streams are closed after the upload.
     */
    private record StreamBody(InputStream in, long length, boolean replayable) implements Body {
    }

    /**
     * Exchange property: the non-replayable body stream an attempt has started to read, and the bytes it held when
     * it was read whole for a single PUT. A property, because a redelivery restores the message (body and headers)
     * from the copy taken before the first attempt, with this same, partly read stream object as its body.
     */
    static final String CONSUMED_BODY = "CamelS3LiteConsumedBody";

    private record Consumed(Object stream, byte[] data) {
    }

    public PutObjectHandler(S3LiteEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public void handle(Exchange exchange) throws Exception {
        String bucket = bucket(exchange);
        String key = key(exchange);
        Body body = body(exchange, key);
        try {
            put(exchange, bucket, key, body);
            if (exchange.getProperty(CONSUMED_BODY) instanceof Consumed c && c.data() != null) {
                exchange.setProperty(CONSUMED_BODY, new Consumed(c.stream(), null)); // stored: free the bytes
            }
        } catch (S3Exception e) {
            if (e.isTransient() && exchange.getProperty(CONSUMED_BODY) instanceof Consumed c && c.data() == null) {
                // a redelivery would get the same, partly read stream: retrying cannot succeed. Not the cause:
                // redelivery policies match causes too
                S3Exception permanent = new S3Exception(e.getMessage() + "; not retryable, the body stream has been "
                        + "consumed and cannot be sent again from byte 0: enable stream caching or send a File, Path or "
                        + "byte[]", e.getStatusCode(), e.getErrorCode(), e.getRequestId(), null);
                permanent.addSuppressed(e);
                throw permanent;
            }
            throw e;
        } finally {
            if (body instanceof StreamBody s && !s.replayable()) {
                closeQuietly(s.in(), exchange.getMessage().getBody());
            }
        }
    }

    private void put(Exchange exchange, String bucket, String key, Body body) throws Exception {
        S3LiteConfiguration c = config();

        Path file = body instanceof FileBody f ? f.path() : null;
        String contentType = explicitContentType(exchange);
        if (contentType == null) {
            Detected d = detect(key, body);
            contentType = d.contentType();
            body = d.body();
        }
        Map<String, String> metadata = endpoint.getMetadataChain().resolve(exchange, file);
        ObjectWriteOptions options = new ObjectWriteOptions(contentType,
                first(header(exchange, S3LiteConstants.CONTENT_ENCODING), c.getContentEncoding()),
                first(header(exchange, S3LiteConstants.CACHE_CONTROL), c.getCacheControl()),
                first(header(exchange, S3LiteConstants.CONTENT_DISPOSITION), c.getContentDisposition()),
                metadata, header(exchange, S3LiteConstants.IF_MATCH), header(exchange, S3LiteConstants.IF_NONE_MATCH),
                null, null, storage(exchange));
        S3LiteClient client = client(exchange);

        long length = length(body);
        TransferProgress progress = TransferProgress.upload(endpoint.getTransferListener(), bucket, key);
        try {
            send(exchange, client, bucket, key, body, length, contentType, options, progress);
        } catch (Exception | Error e) {
            progress.failed(e);
            throw e;
        }
    }

    private void send(Exchange exchange, S3LiteClient client, String bucket, String key, Body body, long length,
            String contentType, ObjectWriteOptions options, TransferProgress progress) throws Exception {
        S3LiteConfiguration c = config();
        Message out = exchange.getMessage();
        if (length >= 0 && length <= c.getMultipartThreshold() && (!(body instanceof StreamBody) || length <= SINGLE_STREAM_PUT)) {
            // a stream's buffer counts against the stream memory budget shared with every other upload
            long buffer = body instanceof StreamBody ? length : 0;
            MemoryBudget.shared().lease(buffer);
            progress.started(length, 0, 0, 0);
            PutResult r;
            try {
                r = client.putObject(bucket, key, singleBody(exchange, body, length, key), options,
                        c.getChecksumAlgorithm());
            } finally {
                MemoryBudget.shared().release(buffer);
            }
            out.setHeader(S3LiteConstants.E_TAG, r.eTag());
            setOrRemove(out, S3LiteConstants.VERSION_ID, r.versionId());
            out.removeHeader(S3LiteConstants.UPLOAD_ID);
            out.setHeader(S3LiteConstants.PART_COUNT, 1);
            out.setHeader(S3LiteConstants.RESUMED_PART_COUNT, 0);
            out.setHeader(S3LiteConstants.ALREADY_UPLOADED, false);
            ObjectHeaders.setStorage(out, r.storage());
        } else {
            // a stream too large for one in-heap buffer goes in parts, whatever multipartThreshold says
            MultipartUploader uploader = new MultipartUploader(client, endpoint.getTransferExecutor(),
                    endpoint.getCheckpointStore(), c.toUploadSettings(), UploadProgress.of(progress));
            UploadResult r = uploader.upload(bucket, key, uploadSource(exchange, body), options);
            out.setHeader(S3LiteConstants.E_TAG, r.eTag());
            setOrRemove(out, S3LiteConstants.VERSION_ID, r.versionId());
            setOrRemove(out, S3LiteConstants.UPLOAD_ID, r.uploadId());
            out.setHeader(S3LiteConstants.PART_COUNT, r.partCount());
            out.setHeader(S3LiteConstants.RESUMED_PART_COUNT, r.resumedPartCount());
            out.setHeader(S3LiteConstants.ALREADY_UPLOADED, r.alreadyUploaded());
            ObjectHeaders.setStorage(out, r.storage());
        }
        out.setHeader(S3LiteConstants.BUCKET_NAME, bucket);
        out.setHeader(S3LiteConstants.KEY, key);
        out.setHeader(S3LiteConstants.CONTENT_TYPE, contentType);
        progress.completed(length);
    }

    /**
     * Streams up to this length are sent as one PUT from one in-heap buffer (when below multipartThreshold); longer
     * ones go in parts: at most the largest buffer of the shared stream memory budget (and {@link S3Limits#MAX_IN_HEAP_PART_SIZE}).
     */
    static final long SINGLE_STREAM_PUT = MemoryBudget.shared().largestBuffer();

    private static RequestBody singleBody(Exchange exchange, Body body, long length, String key) throws IOException {
        if (body instanceof FileBody f) {
            return RequestBody.of(f.path(), 0, length);
        }
        if (body instanceof BytesBody b) {
            return RequestBody.of(b.data());
        }
        // small enough for one PUT: held in memory so it can be checksummed and re-sent after a clock-skew re-sign
        StreamBody s = (StreamBody) body;
        byte[] data = readExactly(s.in(), Math.toIntExact(length), key);
        if (!s.replayable() && exchange.getProperty(CONSUMED_BODY) instanceof Consumed c) {
            // the stream is spent: a redelivery of this exchange sends these bytes again, from byte 0
            exchange.setProperty(CONSUMED_BODY, new Consumed(c.stream(), data));
        }
        return RequestBody.of(data);
    }

    private static UploadSource uploadSource(Exchange exchange, Body body) throws IOException {
        if (body instanceof FileBody f) {
            return UploadSource.FileSource.of(f.path());
        }
        if (body instanceof BytesBody b) {
            return new UploadSource.StreamSource(new ByteArrayInputStream(b.data()), b.data().length,
                    streamIdentity(exchange, b.data().length), true, () -> new ByteArrayInputStream(b.data()));
        }
        StreamBody s = (StreamBody) body;
        return new UploadSource.StreamSource(s.in(), s.length(), streamIdentity(exchange, s.length()), s.replayable(),
                s.replayable() ? () -> reread(exchange) : null);
    }

    /** A stream-cached body from byte 0 again, within the same attempt. */
    private static InputStream reread(Exchange exchange) {
        Message in = exchange.getMessage();
        if (!(in.getBody() instanceof StreamCache sc)) {
            throw new IllegalStateException("The body is no longer a stream cache: cannot read it again");
        }
        sc.reset();
        try {
            return in.getMandatoryBody(InputStream.class);
        } catch (org.apache.camel.InvalidPayloadException e) {
            throw new IllegalStateException("The stream-cached body cannot be read again: " + e.getMessage(), e);
        }
    }

    private Body body(Exchange exchange, String key) throws Exception {
        Message in = exchange.getMessage();
        Object b = in.getBody();
        if (b == null) {
            throw new IllegalArgumentException("putObject needs a body: a File, Path, byte[], String or InputStream (the "
                                               + "message body is null)");
        }
        if (b instanceof WrappedFile<?> wf && wf.getFile() instanceof File f) {
            return fileBody(f.toPath());
        }
        if (b instanceof File f) {
            return fileBody(f.toPath());
        }
        if (b instanceof Path p) {
            return fileBody(p);
        }
        if (b instanceof byte[] bytes) {
            return new BytesBody(bytes);
        }
        if (b instanceof String s) {
            String charset = ExchangeHelper.getCharsetName(exchange, false);
            return new BytesBody(s.getBytes(charset != null ? Charset.forName(charset) : StandardCharsets.UTF_8));
        }
        boolean replayable = b instanceof StreamCache;
        if (b instanceof StreamCache sc) {
            sc.reset(); // every attempt reads from byte 0
        } else if (b instanceof InputStream) {
            if (exchange.getProperty(CONSUMED_BODY) instanceof Consumed c && c.stream() == b) {
                if (c.data() != null) {
                    return new BytesBody(c.data());
                }
                closeQuietly((InputStream) b, null);
                throw new IllegalArgumentException("putObject of " + key + ": the body stream was consumed by an earlier "
                        + "attempt, so it cannot be sent again from byte 0 (a redelivery gets the same, partly read "
                        + "InputStream): enable stream caching or send a File, Path or byte[]");
            }
            exchange.setProperty(CONSUMED_BODY, new Consumed(b, null));
        }
        InputStream stream = in.getMandatoryBody(InputStream.class);
        long length = -1;
        Long given = in.getHeader(S3LiteConstants.CONTENT_LENGTH, Long.class);
        if (given != null && given >= 0) {
            length = given;
        } else if (b instanceof StreamCache sc && sc.length() > 0) {
            length = sc.length();
        }
        return new StreamBody(stream, length, replayable);
    }

    private static void closeQuietly(InputStream in, Object body) {
        for (Object o : new Object[] { in, body }) {
            if (o instanceof InputStream s && !(o instanceof StreamCache)) {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // closing a spent stream
                }
            }
        }
    }

    private static Body fileBody(Path p) {
        if (!Files.isRegularFile(p) || !Files.isReadable(p)) {
            throw new IllegalArgumentException("putObject body is the file " + p + ", which does not exist or cannot be read");
        }
        return new FileBody(p);
    }

    private static long length(Body body) throws IOException {
        if (body instanceof FileBody f) {
            return Files.size(f.path());
        }
        if (body instanceof BytesBody b) {
            return b.data().length;
        }
        return ((StreamBody) body).length();
    }

    /** The content type, and the body to send (a peeked stream replays the bytes it read). */
    private record Detected(String contentType, Body body) {
    }

    /** The CamelS3LiteContentType header, then Camel's Content-Type header, then the contentType option. */
    private String explicitContentType(Exchange exchange) {
        String given = first(header(exchange, S3LiteConstants.CONTENT_TYPE), header(exchange, Exchange.CONTENT_TYPE));
        return given != null ? given : config().getContentType();
    }

    /** Detection from the name and the first bytes, else application/octet-stream. */
    private Detected detect(String key, Body body) throws IOException {
        if (!config().isContentTypeDetection()) {
            return new Detected(DefaultContentTypeResolver.OCTET_STREAM, body);
        }
        ContentTypeResolver resolver = endpoint.getContentTypeResolver();
        int n = ContentTypeResolver.HEAD_SIZE;
        String detected;
        if (body instanceof FileBody f) {
            String fileName = f.path().getFileName().toString();
            detected = resolver.resolve(extension(key).isEmpty() ? fileName : key, HeadPeek.head(f.path(), n));
        } else if (body instanceof BytesBody b) {
            detected = resolver.resolve(key, Arrays.copyOf(b.data(), Math.min(n, b.data().length)));
        } else {
            StreamBody s = (StreamBody) body;
            HeadPeek.Peeked peeked = HeadPeek.peek(s.in(), n);
            body = new StreamBody(peeked.stream(), s.length(), s.replayable());
            detected = resolver.resolve(key, peeked.head());
        }
        return new Detected(detected != null ? detected : DefaultContentTypeResolver.OCTET_STREAM, body);
    }

    private static String extension(String key) {
        int slash = key.lastIndexOf('/');
        int dot = key.lastIndexOf('.');
        return dot > slash ? key.substring(dot) : "";
    }

    /**
     * For streams: the exchange vouches for the content (a redelivery of the same exchange resumes); the uploader
     * adds a fingerprint of the first part and never takes a done mark for a stream without comparing its bytes.
     */
    private static String streamIdentity(Exchange exchange, long length) {
        String id = exchange.getMessage().getHeader(Exchange.BREADCRUMB_ID, String.class);
        return "stream:" + (id != null ? id : exchange.getExchangeId()) + ":" + length;
    }

    private static byte[] readExactly(InputStream in, int length, String key) throws IOException {
        byte[] data = in.readNBytes(length);
        if (data.length != length) {
            throw new IllegalArgumentException("The body for " + key + " ended after " + data.length + " bytes, but "
                                               + length + " were announced (" + S3LiteConstants.CONTENT_LENGTH + ")");
        }
        return data;
    }

    private static String first(String a, String b) {
        return a != null ? a : b;
    }
}

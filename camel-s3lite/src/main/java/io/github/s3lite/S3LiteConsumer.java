package io.github.s3lite;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Queue;

import io.github.s3lite.client.GetOptions;
import io.github.s3lite.client.ListPage;
import io.github.s3lite.client.ObjectInfo;
import io.github.s3lite.client.S3Client;
import io.github.s3lite.client.S3NotFoundException;
import io.github.s3lite.client.S3ObjectSummary;
import io.github.s3lite.client.S3PreconditionFailedException;
import io.github.s3lite.operation.AbstractHandler;
import io.github.s3lite.operation.GetObjectHandler;
import io.github.s3lite.transfer.ResumableDownload;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.EmptyAsyncCallback;
import org.apache.camel.support.ScheduledBatchPollingConsumer;
import org.apache.camel.support.SynchronizationAdapter;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.util.ObjectHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls a bucket (ListObjectsV2) and delivers one exchange per object.
 *
 * <h2>Listing</h2> Each poll continues the listing where the previous poll stopped (the continuation token of
 * the current page is kept across polls); when a pass reaches the last page the next pass starts from the
 * beginning, so with {@code deleteAfterRead=false} objects beyond the first page are not starved. Objects already
 * processed or in flight are skipped without counting toward {@code maxMessagesPerPoll}. Keys ending in '/'
 * ("folders") are skipped unless {@code includeFolders=true}; with a {@code delimiter} only the objects directly
 * under {@code prefix} are listed (common prefixes are not delivered).
 *
 * <h2>Message</h2> Headers as for getObject ({@code CamelS3LiteKey}, {@code CamelS3LiteETag},
 * {@code CamelS3LiteContentLength}, {@code CamelS3LiteLastModified}, {@code CamelS3LiteContentType}, decoded
 * {@code CamelS3LiteMetadata}...), from one HEAD per object made just before the exchange is processed (pinned
 * to the listed ETag). The body is a {@link S3LiteObjectStream} that makes its GET only when the route first
 * reads it, and is closed when the exchange completes, also on failure. {@code includeBody=false} delivers the
 * headers only; with {@code destinationDirectory} the object is downloaded there (resumably) and the body is the
 * File.
 *
 * <h2>After the exchange</h2> On success: {@code moveAfterRead} copies to {@code destinationBucket} /
 * {@code destinationPrefix}+key, verifies the copy (HEAD: same size, and same ETag when the source ETag is a
 * single-part one) and only then deletes the source; otherwise {@code deleteAfterRead} deletes it (after checking
 * with a HEAD that it still has the delivered ETag). On failure the object is left where it was and is not
 * remembered, so a later poll delivers it again.
 *
 * <h2>Exactly once</h2> Every object version is claimed in the {@code idempotentRepository} with
 * {@code add(bucket + "/" + key + "@" + etag)} before its exchange is created (a false answer means another poll,
 * consumer or node has it: skipped), confirmed on success and removed on failure. A changed object has a new ETag
 * and is delivered again. The default repository is in memory (LRU of {@value #DEFAULT_REPOSITORY_SIZE} entries,
 * lost on restart); for restarts use a persistent one, for several consumers on one bucket share one whose
 * {@code add} is atomic across them (JDBC, Redis, Infinispan, Hazelcast; a {@code FileIdempotentRepository}
 * instance is only safe when shared inside one JVM). With {@code claimTimeout} claims are leases, taken just before
 * each object is processed: an object claimed by a node that died is delivered again by another node after 1 to 2
 * times the timeout (at least once for the object that node had in flight), and the done key is written only on
 * success.
 *
 * <h2>Clustering</h2> To have exactly one active consumer among several nodes instead of competing ones, use
 * Camel's cluster support: {@code from("master:s3-inbox:s3lite:inbox?...")} (camel-master) or
 * {@code .routePolicy(ClusteredRoutePolicy.forNamespace("s3-inbox"))} with a {@code CamelClusterService}
 * (file lock, Kubernetes lease, ZooKeeper, Consul...). The idempotent repository still protects the hand-over.
 */
public class S3LiteConsumer extends ScheduledBatchPollingConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(S3LiteConsumer.class);

    /** Entries of the default in-memory idempotent repository. */
    public static final int DEFAULT_REPOSITORY_SIZE = 100_000;

    /** Exchange property holding the idempotent key claimed for the exchange's object. */
    public static final String CLAIM_PROPERTY = "CamelS3LiteConsumerClaim";

    /** Exchange property holding the done key ({@code bucket/key@etag}) of the exchange's object. */
    public static final String DONE_PROPERTY = "CamelS3LiteConsumerDone";

    private final S3LiteEndpoint endpoint;
    private IdempotentRepository repository;
    private boolean ownsRepository;

    /** Continuation token of the page the next poll lists first; null = first page of a new pass. */
    private volatile String pageToken;
    private volatile long passes;

    public S3LiteConsumer(S3LiteEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
    }

    @Override
    public S3LiteEndpoint getEndpoint() {
        return endpoint;
    }

    private S3LiteConfiguration config() {
        return endpoint.getConfiguration();
    }

    @Override
    protected void doStart() throws Exception {
        S3LiteConfiguration c = config();
        if (c.isMoveAfterRead()) {
            String destBucket = ObjectHelper.isEmpty(c.getDestinationBucket()) ? c.getBucketName() : c.getDestinationBucket();
            if (destBucket.equals(c.getBucketName()) && ObjectHelper.isEmpty(c.getDestinationPrefix())) {
                throw new IllegalArgumentException("moveAfterRead needs a destinationBucket other than the source bucket "
                        + "or a destinationPrefix: objects would be moved onto themselves");
            }
        }
        repository = c.getIdempotentRepository();
        if (repository == null) {
            repository = MemoryIdempotentRepository.memoryIdempotentRepository(DEFAULT_REPOSITORY_SIZE);
            ownsRepository = true;
        }
        // a no-op when it already runs (e.g. shared with another consumer)
        ServiceHelper.startService(repository);
        pageToken = null;
        super.doStart();
    }

    @Override
    protected void doStop() throws Exception {
        super.doStop();
        if (ownsRepository) {
            ServiceHelper.stopService(repository);
            repository = null;
            ownsRepository = false;
        }
    }

    /** The idempotent repository in use (while started). */
    public IdempotentRepository getIdempotentRepository() {
        return repository;
    }

    /** Listing passes completed so far (a pass ends at the last page of the listing). */
    public long getCompletedPasses() {
        return passes;
    }

    /** The idempotent key of an object version: {@code bucket/key@etag} (ETag without quotes). */
    public static String idempotentKey(String bucket, String key, String eTag) {
        return bucket + "/" + key + "@" + unquote(eTag);
    }

    static String unquote(String eTag) {
        if (eTag == null) {
            return "";
        }
        String e = eTag.trim();
        if (e.startsWith("W/")) {
            e = e.substring(2);
        }
        return e.replace("\"", "");
    }

    // ------------------------------------------------------------------ polling

    @Override
    protected int poll() throws Exception {
        shutdownRunningTask = null;
        pendingExchanges = 0;
        S3LiteConfiguration c = config();
        S3Client client = endpoint.getClient();
        String bucket = c.getBucketName();
        int limit = maxMessagesPerPoll > 0 ? maxMessagesPerPoll : Integer.MAX_VALUE;
        Queue<Object> batch = new ArrayDeque<>();
        boolean startedMidPass = pageToken != null;
        boolean wrapped = false;
        try {
            while (batch.size() < limit && isRunAllowed()) {
                ListPage page = client.listObjects(bucket, c.getPrefix(), c.getDelimiter(), pageToken, 0, null);
                boolean full = false;
                for (S3ObjectSummary s : page.objects()) {
                    if (batch.size() >= limit) {
                        full = true;
                        break;
                    }
                    if (!c.isIncludeFolders() && s.key().endsWith("/")) {
                        continue;
                    }
                    String done = idempotentKey(bucket, s.key(), s.eTag());
                    // with leases the claim is taken just before the object is processed (processOne), so a lease
                    // only has to outlive one exchange, not a whole batch; here only what is taken is skipped
                    String claim = leases() ? (taken(done) ? null : "") : claim(done);
                    if (claim == null) {
                        continue; // processed, or in flight here or elsewhere
                    }
                    Exchange exchange = newExchange(bucket, s, claim.isEmpty() ? null : claim);
                    exchange.setProperty(DONE_PROPERTY, done);
                    batch.add(exchange);
                }
                if (full) {
                    break; // this page again next poll: the rest of it is not delivered yet
                }
                pageToken = page.truncated() ? page.nextContinuationToken() : null;
                if (pageToken == null) {
                    passes++;
                    if (startedMidPass && !wrapped) {
                        wrapped = true; // room left: look at the start of the bucket again, once
                        continue;
                    }
                    break;
                }
            }
        } catch (Exception e) {
            // start over next time (the token may be the problem) and let go of what was claimed
            pageToken = null;
            releaseAll(batch);
            throw e;
        }
        LOG.trace("Poll of {} found {} new objects", bucket, batch.size());
        return processBatch(batch);
    }

    /**
     * Claims an object version; null when it is done or claimed by someone else. Without {@code claimTimeout} the
     * claim is the done key itself (an atomic add). With it, the claim is a lease key of the current time window
     * ({@code <done>#lease-<window>}): a lease of the current or the previous window blocks others, an older one
     * (its node died) does not, and the done key is added only when the exchange succeeded.
     */
    private String claim(String done) {
        long timeout = config().getClaimTimeout();
        if (timeout <= 0) {
            return repository.add(done) ? done : null;
        }
        if (taken(done)) {
            return null;
        }
        String lease = leaseKey(done, System.currentTimeMillis() / timeout);
        if (!repository.add(lease)) {
            return null;
        }
        if (repository.contains(done)) { // completed by another node between the checks
            repository.remove(lease);
            return null;
        }
        return lease;
    }

    private boolean leases() {
        return config().getClaimTimeout() > 0;
    }

    /** Lease mode: done, or leased in the current or the previous window. */
    private boolean taken(String done) {
        long window = System.currentTimeMillis() / config().getClaimTimeout();
        return repository.contains(done) || repository.contains(leaseKey(done, window))
               || repository.contains(leaseKey(done, window - 1));
    }

    static String leaseKey(String done, long window) {
        return done + "#lease-" + window;
    }

    private Exchange newExchange(String bucket, S3ObjectSummary s, String claim) {
        Exchange exchange = createExchange(true);
        ObjectInfo listed = new ObjectInfo(s.key(), s.size(), null, s.eTag(), s.lastModified(), null, null, null, null, null,
                Map.of());
        AbstractHandler.setObjectHeaders(exchange.getIn(), bucket, listed);
        exchange.setProperty(CLAIM_PROPERTY, claim);
        return exchange;
    }

    @Override
    public int processBatch(Queue<Object> exchanges) throws Exception {
        int total = exchanges.size();
        int processed = 0;
        for (int index = 0; index < total && isBatchAllowed(); index++) {
            Exchange exchange = (Exchange) exchanges.poll();
            exchange.setProperty(ExchangePropertyKey.BATCH_INDEX, index);
            exchange.setProperty(ExchangePropertyKey.BATCH_SIZE, total);
            exchange.setProperty(ExchangePropertyKey.BATCH_COMPLETE, index == total - 1);
            pendingExchanges = total - index - 1;
            if (processOne(exchange)) {
                processed++;
            }
        }
        // stopping: what was claimed but not handed out goes back
        releaseAll(exchanges);
        pendingExchanges = 0;
        return processed;
    }

    private void releaseAll(Queue<Object> exchanges) {
        Object o;
        while ((o = exchanges.poll()) != null) {
            Exchange exchange = (Exchange) o;
            release(exchange.getProperty(CLAIM_PROPERTY, String.class));
            releaseExchange(exchange, false);
        }
    }

    private void release(String claim) {
        if (claim != null && repository != null) {
            try {
                repository.remove(claim);
            } catch (Exception e) {
                LOG.warn("Could not release idempotent claim {}: {}", claim, e.toString());
            }
        }
    }

    /** Prepares headers and body, then hands the exchange to the route. False when the object is skipped. */
    private boolean processOne(Exchange exchange) {
        S3LiteConfiguration c = config();
        S3Client client = endpoint.getClient();
        Message m = exchange.getIn();
        String listedClaim = exchange.getProperty(CLAIM_PROPERTY, String.class);
        if (listedClaim == null && leases()) {
            listedClaim = claim(exchange.getProperty(DONE_PROPERTY, String.class));
            if (listedClaim == null) {
                releaseExchange(exchange, false); // another node took it meanwhile
                return false;
            }
            exchange.setProperty(CLAIM_PROPERTY, listedClaim);
        }
        String claim = listedClaim;
        String bucket = m.getHeader(S3LiteConstants.BUCKET_NAME, String.class);
        String key = m.getHeader(S3LiteConstants.KEY, String.class);
        String listedETag = m.getHeader(S3LiteConstants.E_TAG, String.class);
        ObjectInfo info;
        try {
            info = client.headObject(bucket, key, new GetOptions(null, listedETag, null));
            AbstractHandler.setObjectHeaders(m, bucket, info);
            if (!c.isIncludeBody()) {
                m.setBody(null);
            } else if (ObjectHelper.isNotEmpty(c.getDestinationDirectory())) {
                Path target = ResumableDownload.targetInside(Paths.get(c.getDestinationDirectory()), key);
                if (key.endsWith("/")) {
                    Files.createDirectories(target);
                } else {
                    ResumableDownload.download(client, bucket, key, target);
                }
                m.setBody(target.toFile());
            } else {
                S3LiteObjectStream body = new S3LiteObjectStream(client, bucket, key, info.eTag(), info.contentLength());
                GetObjectHandler.closeOnCompletion(exchange, body);
                m.setBody(body);
            }
        } catch (S3NotFoundException | S3PreconditionFailedException gone) {
            // deleted or overwritten since the listing: a new version is listed (and delivered) on a later pass
            LOG.debug("{}/{} changed or vanished since it was listed; skipped", bucket, key);
            release(claim);
            releaseExchange(exchange, false);
            return false;
        } catch (Exception e) {
            release(claim);
            getExceptionHandler().handleException("Could not prepare the exchange for " + bucket + "/" + key, exchange, e);
            releaseExchange(exchange, false);
            return false;
        }
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onComplete(Exchange completed) {
                afterSuccess(bucket, key, info, claim, completed.getProperty(DONE_PROPERTY, String.class));
            }

            @Override
            public void onFailure(Exchange failed) {
                release(claim);
                if (failed.getException() != null) {
                    getExceptionHandler().handleException("Error processing " + bucket + "/" + key + " (it stays in place "
                            + "and is delivered again on a later poll)", failed, failed.getException());
                }
            }
        });
        getAsyncProcessor().process(exchange, EmptyAsyncCallback.get());
        return true;
    }

    private void afterSuccess(String bucket, String key, ObjectInfo delivered, String claim, String done) {
        S3LiteConfiguration c = config();
        try {
            if (c.isMoveAfterRead() || c.isDeleteAfterRead()) {
                S3Client client = endpoint.getClient();
                // only the version that was delivered: a newer one stays for a later poll
                client.headObject(bucket, key, new GetOptions(null, delivered.eTag(), null));
                if (c.isMoveAfterRead()) {
                    move(bucket, key, delivered);
                } else {
                    client.deleteObject(bucket, key);
                    LOG.debug("Deleted {}/{} after reading it", bucket, key);
                }
            }
        } catch (S3PreconditionFailedException changed) {
            LOG.info("{}/{} was overwritten while it was processed: the new version stays and is delivered later", bucket, key);
        } catch (S3NotFoundException gone) {
            LOG.debug("{}/{} was already gone after processing", bucket, key);
        } catch (Exception e) {
            LOG.warn("{}/{} was processed but could not be {}: {} (it stays in place; its version is remembered as done)",
                    bucket, key, c.isMoveAfterRead() ? "moved" : "deleted", e.toString());
        } finally {
            try {
                if (!claim.equals(done)) {
                    repository.add(done); // the lease becomes a done mark
                    repository.confirm(done);
                    repository.remove(claim);
                } else {
                    repository.confirm(claim);
                }
            } catch (Exception e) {
                LOG.warn("Could not confirm idempotent key {}: {}", done, e.toString());
            }
        }
    }

    /** Copy, verify the copy, then delete the source. Throws (keeping the source) when any step fails. */
    private void move(String bucket, String key, ObjectInfo delivered) {
        S3LiteConfiguration c = config();
        S3Client client = endpoint.getClient();
        String destBucket = ObjectHelper.isEmpty(c.getDestinationBucket()) ? bucket : c.getDestinationBucket();
        String destKey = (c.getDestinationPrefix() == null ? "" : c.getDestinationPrefix()) + key;
        ObjectInfo copy;
        try {
            client.copyObject(bucket, key, destBucket, destKey, null);
            copy = client.headObject(destBucket, destKey, null);
        } catch (RuntimeException e) {
            // a missing destination bucket is a failed move, not a vanished source
            throw new IllegalStateException("copy to " + destBucket + "/" + destKey + " failed: " + e.getMessage(), e);
        }
        String sourceETag = unquote(delivered.eTag());
        boolean singlePart = !sourceETag.contains("-");
        if (copy.contentLength() != delivered.contentLength()
                || (singlePart && !sourceETag.equals(unquote(copy.eTag())))) {
            throw new IllegalStateException("the copy " + destBucket + "/" + destKey + " (" + copy.contentLength()
                    + " bytes, ETag " + copy.eTag() + ") does not match the delivered object (" + delivered.contentLength()
                    + " bytes, ETag " + delivered.eTag() + ")");
        }
        client.deleteObject(bucket, key);
        LOG.debug("Moved {}/{} to {}/{}", bucket, key, destBucket, destKey);
    }
}

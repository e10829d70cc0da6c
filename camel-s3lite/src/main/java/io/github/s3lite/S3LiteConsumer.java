package io.github.s3lite;

import java.nio.file.Paths;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Queue;

import io.github.s3lite.client.GetOptions;
import io.github.s3lite.client.ListPage;
import io.github.s3lite.client.ObjectInfo;
import io.github.s3lite.client.S3LiteClient;
import io.github.s3lite.client.S3NotFoundException;
import io.github.s3lite.client.S3ObjectSummary;
import io.github.s3lite.client.S3PreconditionFailedException;
import io.github.s3lite.consumer.Claim;
import io.github.s3lite.consumer.ClaimStrategy;
import io.github.s3lite.consumer.CommitStrategy;
import io.github.s3lite.consumer.DeleteAfterRead;
import io.github.s3lite.consumer.DoneCache;
import io.github.s3lite.consumer.DoneMarkClaims;
import io.github.s3lite.consumer.LeaseClaims;
import io.github.s3lite.consumer.LeaveInPlace;
import io.github.s3lite.consumer.ListingCursor;
import io.github.s3lite.consumer.MoveAfterRead;
import io.github.s3lite.consumer.ObjectVersions;
import io.github.s3lite.transfer.DestinationDirectory;
import io.github.s3lite.transfer.DownloadChecksumValidation;
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
 * Size: the poll loop, batch processing and the per-exchange completion that drives the commit strategy stay
 * together; the strategies themselves are in package {@code consumer}.
 *
 * <h2>Parts</h2> This class is the poll loop over three parts of package {@code consumer}: a {@link ListingCursor}
 * (which page to list; each poll continues where the previous one stopped, so with {@code deleteAfterRead=false}
 * objects beyond the first page are not starved), a {@link ClaimStrategy} (who may process a listed object version:
 * {@link DoneMarkClaims}, or {@link LeaseClaims} with {@code claimTimeout}) and a {@link CommitStrategy} (what
 * happens to the object after its exchange succeeded: {@link LeaveInPlace}, {@link DeleteAfterRead},
 * {@link MoveAfterRead}). Objects already processed or in flight are skipped without counting toward
 * {@code maxMessagesPerPoll}.
 *
 * <h2>Message</h2> Headers as for getObject ({@code CamelS3LiteKey}, {@code CamelS3LiteETag},
 * {@code CamelS3LiteContentLength}, {@code CamelS3LiteLastModified}, {@code CamelS3LiteContentType}, decoded
 * {@code CamelS3LiteMetadata}...), from one HEAD per object made just before the exchange is processed (pinned
 * to the listed ETag). The body is a {@link S3LiteObjectStream} that makes its GET only when the route first
 * reads it, and is closed when the exchange completes, also on failure. {@code includeBody=false} delivers the
 * headers only; with {@code destinationDirectory} the object is downloaded there (resumably) and the body is the
 * File.
 *
 * <h2>Exactly once</h2> Each object version ({@code bucket/key@etag}, so a changed object is delivered again) is
 * claimed before it is processed, marked done on success, released on failure (it stays where it was and a later
 * poll delivers it again). The default repository is in memory (LRU of {@value #DEFAULT_REPOSITORY_SIZE} entries,
 * lost on restart); for restarts and crashes of one JVM use a persistent one (the crash-safe
 * {@code JournalIdempotentRepository}), for several consumers on one bucket share one whose {@code add} is atomic
 * across them (JDBC, Redis, Infinispan, Hazelcast; a journal serves one JVM).
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

    /**
     * Done versions remembered locally in front of a repository that is not in memory anyway (see
     * {@link DoneCache}): an idle poll over up to this many objects makes no repository call.
     */
    public static final int DONE_CACHE_SIZE = 100_000;

    /** Exchange property holding the {@link Claim} taken for the exchange's object. */
    public static final String CLAIM_PROPERTY = "CamelS3LiteConsumerClaim";

    private final S3LiteEndpoint endpoint;
    private IdempotentRepository repository;
    private boolean ownsRepository;
    private ListingCursor cursor;
    private ClaimStrategy claims;
    private CommitStrategy commit;
    private DoneCache known;
    /** Entries a memory repository holds (0: not a memory repository); warned once when a pass lists more. */
    private int memoryCapacity;
    private boolean capacityWarned;

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
        S3LiteClient client = endpoint.getClient();
        String destBucket = ObjectHelper.isEmpty(c.getDestinationBucket()) ? null : c.getDestinationBucket();
        String skip = null;
        if (c.isMoveAfterRead()) {
            boolean sameBucket = destBucket == null || destBucket.equals(c.getBucketName());
            if (sameBucket && ObjectHelper.isEmpty(c.getDestinationPrefix())) {
                throw new IllegalArgumentException("moveAfterRead needs a destinationBucket other than the source bucket "
                        + "or a destinationPrefix: objects would be moved onto themselves");
            }
            if (sameBucket) {
                // moved objects must not be listed, delivered and moved again (done/a, done/done/a, ...)
                skip = c.getDestinationPrefix();
                LOG.info("Consumer of {}: keys under destinationPrefix {} are the move destination and are not delivered",
                        c.getBucketName(), skip);
            }
            commit = new MoveAfterRead(client, endpoint.getCopier(), destBucket, c.getDestinationPrefix(),
                    () -> c.storageOptions(null));
        } else {
            commit = c.isDeleteAfterRead() ? new DeleteAfterRead(client) : new LeaveInPlace();
        }
        repository = c.getIdempotentRepository();
        if (repository == null) {
            repository = MemoryIdempotentRepository.memoryIdempotentRepository(DEFAULT_REPOSITORY_SIZE);
            ownsRepository = true;
        }
        // a no-op when it already runs (e.g. shared with another consumer)
        ServiceHelper.startService(repository);
        memoryCapacity = repository instanceof MemoryIdempotentRepository memory ? memory.getMaxCacheSize() : 0;
        capacityWarned = false;
        known = new DoneCache(memoryCapacity > 0 ? 0 : DONE_CACHE_SIZE);
        claims = c.getClaimTimeout() > 0 ? new LeaseClaims(repository, c.getClaimTimeout(), known)
                : new DoneMarkClaims(repository, known);
        cursor = new ListingCursor(client, c.getBucketName(), c.getPrefix(), c.getDelimiter(), c.isIncludeFolders(),
                skip);
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
        return cursor == null ? 0 : cursor.passes();
    }

    /** The idempotent key of an object version: {@code bucket/key@etag} (ETag without quotes). */
    public static String idempotentKey(String bucket, String key, String eTag) {
        return ObjectVersions.doneKey(bucket, key, eTag);
    }

    // ------------------------------------------------------------------ polling

    @Override
    protected int poll() throws Exception {
        shutdownRunningTask = null;
        pendingExchanges = 0;
        String bucket = config().getBucketName();
        int limit = maxMessagesPerPoll > 0 ? maxMessagesPerPoll : Integer.MAX_VALUE;
        Queue<Object> batch = new ArrayDeque<>();
        cursor.beginPoll();
        try {
            boolean more = true;
            while (more && batch.size() < limit && isRunAllowed()) {
                ListPage page = cursor.list();
                boolean full = false;
                for (S3ObjectSummary s : page.objects()) {
                    if (batch.size() >= limit) {
                        full = true;
                        break;
                    }
                    if (!cursor.deliverable(s)) {
                        continue;
                    }
                    Claim claim = claims.listed(ObjectVersions.doneKey(bucket, s.key(), s.eTag()));
                    if (claim != null) { // else processed, or in flight here or elsewhere
                        batch.add(newExchange(bucket, s, claim));
                    }
                }
                // a full batch: this page again next poll, the rest of it is not delivered yet
                more = !full && cursor.advance(page);
            }
        } catch (Exception e) {
            // start over next time (the token may be the problem) and let go of what was claimed
            cursor.restart();
            releaseAll(batch);
            throw e;
        }
        LOG.trace("Poll of {} found {} new objects", bucket, batch.size());
        warnIfTheRepositoryForgets();
        return processBatch(batch);
    }

    /** A listing larger than a memory repository: evicted versions would be delivered again, every pass. */
    private void warnIfTheRepositoryForgets() {
        if (memoryCapacity > 0 && !capacityWarned && cursor.mostInOnePass() > memoryCapacity) {
            capacityWarned = true;
            LOG.warn("The listing of {} has more than {} objects, more than the in-memory idempotentRepository holds: "
                     + "objects whose entries are evicted are delivered again on later passes. Use deleteAfterRead or "
                     + "moveAfterRead, or a persistent idempotentRepository (a file, JDBC or Redis one; see the README, "
                     + "\"Consuming from a bucket\")", config().getBucketName(), memoryCapacity);
        }
    }

    /** True once the consumer warned that the listing outgrew its in-memory repository. */
    public boolean isRepositoryCapacityWarned() {
        return capacityWarned;
    }

    private Exchange newExchange(String bucket, S3ObjectSummary s, Claim claim) {
        Exchange exchange = createExchange(true);
        ObjectInfo listed = new ObjectInfo(s.key(), s.size(), null, s.eTag(), s.lastModified(), null, null, null, null, null,
                Map.of());
        ObjectHeaders.set(exchange.getIn(), bucket, listed);
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
            release(exchange.getProperty(CLAIM_PROPERTY, Claim.class));
            releaseExchange(exchange, false);
        }
    }

    private void release(Claim claim) {
        if (claim != null && claims != null) {
            try {
                claims.release(claim);
            } catch (Exception e) {
                LOG.warn("Could not release idempotent claim {}: {}", claim.held(), e.toString());
            }
        }
    }

    /** Claims the object, prepares headers and body, hands the exchange to the route. False when it is skipped. */
    private boolean processOne(Exchange exchange) {
        Claim claim = claims.acquire(exchange.getProperty(CLAIM_PROPERTY, Claim.class));
        if (claim == null) {
            releaseExchange(exchange, false); // another node took it meanwhile
            return false;
        }
        exchange.setProperty(CLAIM_PROPERTY, claim);
        endpoint.getMetrics().claimed();
        Message m = exchange.getIn();
        String bucket = m.getHeader(S3LiteConstants.BUCKET_NAME, String.class);
        String key = m.getHeader(S3LiteConstants.KEY, String.class);
        ObjectInfo info;
        try {
            info = prepare(exchange, bucket, key, m.getHeader(S3LiteConstants.E_TAG, String.class));
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
                afterSuccess(bucket, key, info, claim);
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
        endpoint.getMetrics().delivered();
        getAsyncProcessor().process(exchange, EmptyAsyncCallback.get());
        return true;
    }

    /** Headers from a HEAD pinned to the listed ETag, and the body the options ask for. */
    private ObjectInfo prepare(Exchange exchange, String bucket, String key, String listedETag) throws Exception {
        S3LiteConfiguration c = config();
        S3LiteClient client = endpoint.getClient();
        Message m = exchange.getIn();
        DownloadChecksumValidation validation = c.getDownloadChecksumValidation();
        ObjectInfo info = client.headObject(bucket, key, new GetOptions(null, listedETag, null,
                validation != DownloadChecksumValidation.NEVER));
        ObjectHeaders.set(m, bucket, info);
        if (!c.isIncludeBody()) {
            m.setBody(null);
        } else if (ObjectHelper.isNotEmpty(c.getDestinationDirectory())) {
            DestinationDirectory dir = new DestinationDirectory(Paths.get(c.getDestinationDirectory()));
            if (key.endsWith("/")) {
                m.setBody(dir.createDirectory(key).toFile());
            } else {
                // pinned to the HEADed version: a change since fails with 412 and is delivered as a new version
                ResumableDownload.Result r = ResumableDownload.download(client, bucket, key, dir.prepare(key), info.eTag(),
                        validation, c.downloadParallelism(), endpoint.getTransferExecutor(), endpoint.getTransferListener());
                m.setBody(r.file().toFile());
            }
        } else {
            S3LiteObjectStream body = S3LiteObjectStream.of(client, bucket, info, validation);
            CloseOnCompletion.register(exchange, body);
            m.setBody(body);
        }
        return info;
    }

    private void afterSuccess(String bucket, String key, ObjectInfo delivered, Claim claim) {
        boolean done = true;
        try {
            commit.commit(bucket, key, delivered);
        } catch (S3PreconditionFailedException changed) {
            LOG.info("{}/{} was overwritten while it was processed: the new version stays and is delivered later", bucket, key);
        } catch (S3NotFoundException gone) {
            LOG.debug("{}/{} was already gone after processing", bucket, key);
        } catch (Exception e) {
            // not marked done: the object stays in place and is delivered (and moved or deleted) again later
            done = false;
            LOG.warn("{}/{} was processed but could not be {}: {} (it stays in place and is delivered again)",
                    bucket, key, commit.describe(), e.toString());
        }
        if (!done) {
            release(claim);
            return;
        }
        try {
            claims.complete(claim);
        } catch (Exception e) {
            LOG.warn("Could not confirm idempotent key {}: {}", claim.doneKey(), e.toString());
        }
    }
}

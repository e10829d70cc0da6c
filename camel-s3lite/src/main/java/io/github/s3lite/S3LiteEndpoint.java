package io.github.s3lite;

import java.util.concurrent.ExecutorService;

import io.github.s3lite.client.S3LiteClient;
import io.github.s3lite.content.ContentTypeResolver;
import io.github.s3lite.content.DefaultContentTypeResolver;
import io.github.s3lite.metrics.TransferListener;
import io.github.s3lite.metrics.S3LiteMetrics;
import io.github.s3lite.upload.CheckpointStore;
import io.github.s3lite.upload.ObjectCopier;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.EndpointServiceLocation;
import org.apache.camel.spi.HeaderFilterStrategy;
import org.apache.camel.spi.HeaderFilterStrategyAware;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.support.ScheduledPollEndpoint;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.util.ObjectHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Store and fetch objects in an S3-compatible object store (AWS S3, MinIO, Ceph RGW, R2...) with camel-s3lite's
 * own small SigV4 client.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "s3lite", title = "S3 Lite", syntax = "s3lite:bucketName",
             category = { Category.CLOUD, Category.FILE }, headersClass = S3LiteConstants.class)
public class S3LiteEndpoint extends ScheduledPollEndpoint implements HeaderFilterStrategyAware, EndpointServiceLocation {

    private static final Logger LOG = LoggerFactory.getLogger(S3LiteEndpoint.class);

    @UriParam
    private S3LiteConfiguration configuration;

    @UriParam(label = "filter,advanced",
              description = "Decides which entries of the CamelS3LiteMetadata header map are dropped (by default names starting with Camel, and breadcrumbId).")
    private HeaderFilterStrategy headerFilterStrategy = new S3LiteHeaderFilterStrategy();
    /** The client built or given; {@link #client} is its view carrying the endpoint's {@code ObjectAccess}. */
    private S3LiteClient baseClient;
    private S3LiteClient client;
    private boolean ownsClient;
    private CheckpointStore checkpointStore;
    private IdempotentRepository ownCheckpointRepository;
    private ExecutorService transferExecutor;
    private ObjectCopier copier;
    private ContentTypeResolver contentTypeResolver;
    private MetadataChain metadataChain;
    private S3LiteMetrics metrics = S3LiteMetrics.NONE;

    /**
     * The URI as given, kept for {@link #equals(Object)} only: the endpoint's own URI ({@link #getEndpointUri()},
     * {@link #getEndpointBaseUri()}, {@link #toString()}, what JMX, dev consoles, route start logs and Camel's error
     * messages show) has every secret option's value masked (see {@link SecretUris}).
     */
    private final String givenUri;

    /**
     * An endpoint with these options (the component's copy with the URI's options applied); its URI shows secret
     * values masked.
     */
    public S3LiteEndpoint(String uri, S3LiteComponent component, S3LiteConfiguration configuration) {
        super(SecretUris.mask(uri), component);
        this.givenUri = uri;
        this.configuration = configuration;
    }

    /**
     * Two endpoints whose URIs differ only in a masked secret (such as two sseCustomerKey values) are different:
     * Camel keys producer pools by endpoint, so equality on the masked URI would hand one the other's producer.
     */
    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof S3LiteEndpoint other && super.equals(other)
                && java.util.Objects.equals(givenUri, other.givenUri);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }

    @Override
    public Producer createProducer() throws Exception {
        return new S3LiteProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        S3LiteConsumer consumer = new S3LiteConsumer(this, processor);
        configureConsumer(consumer);
        consumer.setMaxMessagesPerPoll(configuration.getMaxMessagesPerPoll());
        return consumer;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        configuration.validate();
        validateKeyName();
        if (configuration.getS3Client() != null) {
            baseClient = configuration.getS3Client();
            ownsClient = false;
        } else {
            baseClient = new S3LiteClient(configuration.toClientConfig(sslContext()));
            ownsClient = true;
        }
        metrics = EndpointMetrics.resolve(getCamelContext(), configuration);
        if (ownsClient || baseClient.metrics() == S3LiteMetrics.NONE) {
            baseClient.setMetrics(metrics);
        }
        // every request of this endpoint carries the SSE-C key, expected owner and request payer (refused: SSE-C over http)
        client = baseClient.withAccess(configuration.objectAccess(null));
        LOG.debug("s3lite endpoint for bucket {} uses {}", configuration.getBucketName(), client.config());
        IdempotentRepository repo = configuration.getCheckpointRepository();
        if (repo == null) {
            repo = ownCheckpointRepository = MemoryIdempotentRepository.memoryIdempotentRepository(100_000);
        }
        ServiceHelper.startService(repo);
        checkpointStore = new IdempotentCheckpointStore(repo, repo != ownCheckpointRepository);
        transferExecutor = getCamelContext().getExecutorServiceManager().newCachedThreadPool(this, "s3lite-transfer");
        copier = new ObjectCopier(client, transferExecutor, checkpointStore, configuration.toCopySettings());
        contentTypeResolver = configuration.getContentTypeResolver() != null
                ? configuration.getContentTypeResolver() : new DefaultContentTypeResolver();
        metadataChain = new MetadataChain(this);
        if (configuration.isAutoCreateBucket() && !client.bucketExists(configuration.getBucketName())) {
            LOG.info("Creating bucket {}", configuration.getBucketName());
            client.createBucket(configuration.getBucketName());
        }
    }

    @Override
    protected void doStop() throws Exception {
        if (transferExecutor != null) {
            getCamelContext().getExecutorServiceManager().shutdown(transferExecutor);
            transferExecutor = null;
        }
        if (ownCheckpointRepository != null) {
            ServiceHelper.stopService(ownCheckpointRepository);
        }
        if (ownsClient && baseClient != null) {
            baseClient.close();
        }
        client = null;
        baseClient = null;
        super.doStop();
    }

    /**
     * The TLS context from the endpoint's sslContextParameters, else the global ones when the component's
     * useGlobalSslContextParameters is on, else null (the JVM's). Camel applies the parameters' protocols and cipher
     * suites to the sockets the context makes.
     */
    private javax.net.ssl.SSLContext sslContext() throws Exception {
        org.apache.camel.support.jsse.SSLContextParameters p = configuration.getSslContextParameters();
        if (p == null && getComponent() instanceof S3LiteComponent c) {
            p = c.retrieveGlobalSslContextParameters();
        }
        if (p == null) {
            return null;
        }
        try {
            return p.createSSLContext(getCamelContext());
        } catch (java.security.GeneralSecurityException | java.io.IOException e) {
            // Camel's messages name the resource, never a password
            throw new IllegalArgumentException("sslContextParameters cannot make a TLS context (" + e.getClass().getSimpleName()
                    + ": " + e.getMessage() + "): check the key store and trust store resources, types and passwords", e);
        }
    }

    /** A keyName with Simple expressions must parse, so a typo fails at start rather than on the first message. */
    private void validateKeyName() {
        String keyName = configuration.getKeyName();
        if (keyName != null && keyName.contains("${")) {
            try {
                getCamelContext().resolveLanguage("simple").createExpression(keyName);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("keyName=" + keyName + " is not a valid Simple expression ("
                        + e.getMessage() + "): write it as in/${header.CamelFileName}");
            }
        }
    }

    /** This endpoint's options. */
    public S3LiteConfiguration getConfiguration() {
        return configuration;
    }

    /** Replaces this endpoint's options; takes effect when the endpoint starts. */
    public void setConfiguration(S3LiteConfiguration configuration) {
        this.configuration = configuration;
    }

    /** The client, available while the endpoint is started. */
    public S3LiteClient getClient() {
        return client;
    }

    /** Where this endpoint reports meters ({@link S3LiteMetrics#NONE} without a meter registry). */
    public S3LiteMetrics getMetrics() {
        return metrics;
    }

    /**
     * Multipart checkpoints on the checkpointRepository option (or an in-memory repository of 100,000 keys when it is
     * not set); available while the endpoint is started.
     */
    public CheckpointStore getCheckpointStore() {
        return checkpointStore;
    }

    /**
     * The endpoint's one pool for the parallel work of its transfers: upload parts, copy parts, download ranges
     * (cached: threads are made as the running transfers need them and end when idle); available while started.
     */
    public ExecutorService getTransferExecutor() {
        return transferExecutor;
    }

    /** The transferListener option, else {@link TransferListener#NONE}. */
    public TransferListener getTransferListener() {
        TransferListener l = configuration.getTransferListener();
        return l == null ? TransferListener.NONE : l;
    }

    /** Server-side copies (copyObject, moveAfterRead), single or in parts; available while the endpoint is started. */
    public ObjectCopier getCopier() {
        return copier;
    }

    /**
     * The contentTypeResolver option, else a {@link io.github.s3lite.content.DefaultContentTypeResolver}; available
     * while the endpoint is started.
     */
    public ContentTypeResolver getContentTypeResolver() {
        return contentTypeResolver;
    }

    /** The user-metadata sources of uploads, by priority (see {@link MetadataContributor}); set at start. */
    public MetadataChain getMetadataChain() {
        return metadataChain;
    }

    @Override
    public HeaderFilterStrategy getHeaderFilterStrategy() {
        return headerFilterStrategy;
    }

    @Override
    public void setHeaderFilterStrategy(HeaderFilterStrategy headerFilterStrategy) {
        this.headerFilterStrategy = headerFilterStrategy;
    }

    @Override
    public String getServiceUrl() {
        return ObjectHelper.isEmpty(configuration.getEndpoint())
                ? "https://s3." + configuration.resolvedRegion() + ".amazonaws.com" : configuration.getEndpoint();
    }

    @Override
    public String getServiceProtocol() {
        return "s3";
    }
}

package io.github.s3lite.springboot;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.s3lite.S3LiteOperations;
import io.github.s3lite.client.ChecksumAlgorithm;
import io.github.s3lite.client.S3Client;
import io.github.s3lite.content.ContentTypeResolver;
import io.github.s3lite.transfer.DownloadChecksumValidation;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Component-level options of the {@code s3lite} component, bound from {@code camel.component.s3lite.*}. They are the
 * template of every {@code s3lite:} endpoint; endpoint URI options override them. Durations take Spring's format
 * ({@code 30s}, {@code 5m}, a plain number is milliseconds), sizes take {@link DataSize}'s ({@code 16MB}, a plain
 * number is bytes). Bean-typed options take a bean reference: {@code #bean:name}, {@code #name} or the bean name.
 */
@ConfigurationProperties(prefix = "camel.component.s3lite")
public class S3LiteComponentConfiguration extends ComponentConfigurationPropertiesCommon {

    /**
     * Region used for signing (and for the AWS endpoint when no endpoint is set).
     */
    private String region = "us-east-1";

    /**
     * Base URL of an S3-compatible service, such as http://127.0.0.1:9000 or https://&lt;account&gt;.r2.cloudflarestorage.com. Default: AWS's regional endpoint https://s3.&lt;region&gt;.amazonaws.com.
     */
    private String endpoint;

    /**
     * Path-style addressing (host/bucket/key) instead of virtual-host (bucket.host/key). Most self-hosted stores need true.
     */
    private boolean pathStyleAccess = false;

    /**
     * Access key id. Without it: env AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY/AWS_SESSION_TOKEN, then the ~/.aws/credentials profile (AWS_PROFILE).
     */
    private String accessKey;

    /**
     * Secret access key.
     */
    private String secretKey;

    /**
     * Session token of temporary credentials.
     */
    private String sessionToken;

    /**
     * TCP connect and TLS handshake timeout (e.g. 10s; a plain number is milliseconds).
     */
    private Duration connectTimeout = Duration.ofSeconds(10);

    /**
     * Socket inactivity timeout while waiting for or reading response bytes (e.g. 60s; a plain number is milliseconds).
     */
    private Duration socketTimeout = Duration.ofSeconds(60);

    /**
     * Maximum pooled HTTP connections of each endpoint's client.
     */
    private int maxConnections = 32;

    /**
     * Use this client instead of building one (it is then not closed by the endpoint). A bean reference such as #bean:myClient (or just the bean name); autowired when exactly one S3Client bean exists.
     */
    private S3Client s3Client;

    /**
     * The operation when no CamelS3LiteOperation header is set.
     */
    private S3LiteOperations operation = S3LiteOperations.putObject;

    /**
     * Object key when no CamelS3LiteKey header is set; Simple language allowed, e.g. in/${header.CamelFileName}. Falls back to the CamelFileName header.
     */
    private String keyName;

    /**
     * Create the bucket when the endpoint starts if it does not exist.
     */
    private boolean autoCreateBucket = false;

    /**
     * Lifetime of links made by createDownloadLink/createUploadLink (1 s to 7 days).
     */
    private Duration presignExpiry = Duration.ofHours(1);

    /**
     * Whether the producer should be started lazy (on the first message), so a route can start even when the store is unreachable at startup; the first message then fails instead.
     */
    private boolean lazyStartProducer = false;

    /**
     * Bodies larger than this, or of unknown length, are uploaded in parts (e.g. 16MB; a plain number is bytes).
     */
    private DataSize multipartThreshold = DataSize.ofMegabytes(16);

    /**
     * Part size (5MB to 2047MB: stream parts are buffered in heap arrays); raised automatically so a known length fits in 10,000 parts (e.g. 8MB; a plain number is bytes).
     */
    private DataSize partSize = DataSize.ofMegabytes(8);

    /**
     * Parts uploaded in parallel per upload.
     */
    private int uploadConcurrency = 4;

    /**
     * Largest object accepted (default 5TB; a plain number is bytes).
     */
    private DataSize maxObjectSize = DataSize.ofTerabytes(5);

    /**
     * Integrity check sent with each PUT/part and compared with the server's answer. AUTO uses CRC32C (cheap) where
     * the store verifies x-amz-checksum-crc32c and Content-MD5 (accepted everywhere) where it does not: the first
     * upload carries both and the answer decides. MD5, CRC32C, CRC32, SHA256 force one; NONE sends none.
     */
    private ChecksumAlgorithm checksumAlgorithm = ChecksumAlgorithm.AUTO;

    /**
     * Where multipart checkpoints are kept: any IdempotentRepository bean (memory, file, JDBC, Redis, Hazelcast...), as #bean:name or the bean name. Default: an in-memory one (resume on redelivery in one JVM). Use a persistent one to resume after a crash, a shared one to let another node resume.
     */
    private IdempotentRepository checkpointRepository;

    /**
     * abortStaleUploads: multipart uploads initiated longer ago than this are aborted (e.g. 24h).
     */
    private Duration staleUploadAge = Duration.ofDays(1);

    /**
     * getObject and the consumer download into this directory (the key becomes a relative path inside it; keys escaping it are rejected), resumably, and the body is the File.
     */
    private String destinationDirectory;

    /**
     * Downloads (getObject, consumer bodies) check the bytes against the object's checksum. WHEN_AVAILABLE: a full-object checksum the store reports (x-amz-checksum-mode; AWS S3 does, S3Proxy and Ceph RGW 16 do not). ALWAYS: that, else the ETag of a single-part object as MD5, else fail. NEVER: none (length, range and ETag are still checked).
     */
    private DownloadChecksumValidation downloadChecksumValidation = DownloadChecksumValidation.WHEN_AVAILABLE;

    /**
     * Content-Type to store when no header gives one (skips detection).
     */
    private String contentType;

    /**
     * Detect the Content-Type from the key/file extension and the first bytes (magic numbers).
     */
    private boolean contentTypeDetection = true;

    /**
     * Custom Content-Type detector: a ContentTypeResolver bean, as #bean:name or the bean name; autowired when exactly one exists.
     */
    private ContentTypeResolver contentTypeResolver;

    /**
     * Content-Encoding to store, e.g. gzip.
     */
    private String contentEncoding;

    /**
     * Cache-Control to store.
     */
    private String cacheControl;

    /**
     * Content-Disposition to store.
     */
    private String contentDisposition;

    /**
     * User metadata (x-amz-meta-*) for every upload, e.g. camel.component.s3lite.metadata.owner=team-a.
     */
    private Map<String, String> metadata = new LinkedHashMap<>();

    /**
     * Add route id, exchange id, breadcrumb id and the source file's name and last-modified to the metadata.
     */
    private boolean includeExchangeMetadata = false;

    /**
     * Comma-separated names of environment variables or system properties whose values are added to the metadata (name lower-cased, '_' and '.' as '-'), plus the host name and the application name when set.
     */
    private String metadataEnvironment;

    /**
     * Application name added to metadata as 'application' when metadataEnvironment is used.
     */
    private String applicationName;

    /**
     * Consumer: only objects whose key starts with this prefix.
     */
    private String prefix;

    /**
     * Consumer: delimiter for listing (e.g. '/': do not descend into 'folders').
     */
    private String delimiter;

    /**
     * Consumer: the most objects delivered per poll (0 = no limit).
     */
    private int maxMessagesPerPoll = 10;

    /**
     * Consumer: also deliver 'folder' placeholder keys ending in '/'.
     */
    private boolean includeFolders = false;

    /**
     * Consumer: deliver the content as a lazily opened InputStream; false delivers only the headers.
     */
    private boolean includeBody = true;

    /**
     * Consumer: delete each object after its exchange succeeded.
     */
    private boolean deleteAfterRead = false;

    /**
     * Consumer: move each object after its exchange succeeded: copy to destinationBucket/destinationPrefix, verify, delete.
     */
    private boolean moveAfterRead = false;

    /**
     * Consumer, moveAfterRead: target bucket (default: the same bucket).
     */
    private String destinationBucket;

    /**
     * Consumer, moveAfterRead: prefix put before the key.
     */
    private String destinationPrefix;

    /**
     * Consumer: remembers delivered objects (bucket + key + ETag) so each is processed once, also across restarts and nodes when persistent/shared: an IdempotentRepository bean, as #bean:name or the bean name. Default: in memory.
     */
    private IdempotentRepository idempotentRepository;

    /**
     * Consumer, competing consumers on a shared idempotent-repository: claims become leases. An object claimed by a
     * node that died before its exchange completed is delivered again by another node after 1 to 2 times this
     * timeout. Must exceed the longest processing time of one object. 0 (default): claims never expire.
     */
    private Duration claimTimeout = Duration.ZERO;

    /**
     * Consumer: route exceptions raised while polling to the route's error handler instead of logging them (only when the consumer supports it).
     */
    private boolean bridgeErrorHandler = false;

    /**
     * Whether autowiring is enabled: options marked autowired (s3Client, contentTypeResolver) are looked up in the registry when exactly one bean of the type exists.
     */
    private boolean autowiredEnabled = true;

    /**
     * Used for enabling or disabling all consumer based health checks from this component.
     */
    private boolean healthCheckConsumerEnabled = true;

    /**
     * Used for enabling or disabling all producer based health checks from this component. Producer health checks must also be turned on globally with camel.health.producers-enabled=true.
     */
    private boolean healthCheckProducerEnabled = true;

    public String getRegion() {
        return region;
    }

    public void setRegion(String region) {
        this.region = region;
    }

    public String getEndpoint() {
        return endpoint;
    }

    public void setEndpoint(String endpoint) {
        this.endpoint = endpoint;
    }

    public boolean isPathStyleAccess() {
        return pathStyleAccess;
    }

    public void setPathStyleAccess(boolean pathStyleAccess) {
        this.pathStyleAccess = pathStyleAccess;
    }

    public String getAccessKey() {
        return accessKey;
    }

    public void setAccessKey(String accessKey) {
        this.accessKey = accessKey;
    }

    public String getSecretKey() {
        return secretKey;
    }

    public void setSecretKey(String secretKey) {
        this.secretKey = secretKey;
    }

    public String getSessionToken() {
        return sessionToken;
    }

    public void setSessionToken(String sessionToken) {
        this.sessionToken = sessionToken;
    }

    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public Duration getSocketTimeout() {
        return socketTimeout;
    }

    public void setSocketTimeout(Duration socketTimeout) {
        this.socketTimeout = socketTimeout;
    }

    public int getMaxConnections() {
        return maxConnections;
    }

    public void setMaxConnections(int maxConnections) {
        this.maxConnections = maxConnections;
    }

    public S3Client getS3Client() {
        return s3Client;
    }

    public void setS3Client(S3Client s3Client) {
        this.s3Client = s3Client;
    }

    public S3LiteOperations getOperation() {
        return operation;
    }

    public void setOperation(S3LiteOperations operation) {
        this.operation = operation;
    }

    public String getKeyName() {
        return keyName;
    }

    public void setKeyName(String keyName) {
        this.keyName = keyName;
    }

    public boolean isAutoCreateBucket() {
        return autoCreateBucket;
    }

    public void setAutoCreateBucket(boolean autoCreateBucket) {
        this.autoCreateBucket = autoCreateBucket;
    }

    public Duration getPresignExpiry() {
        return presignExpiry;
    }

    public void setPresignExpiry(Duration presignExpiry) {
        this.presignExpiry = presignExpiry;
    }

    public boolean isLazyStartProducer() {
        return lazyStartProducer;
    }

    public void setLazyStartProducer(boolean lazyStartProducer) {
        this.lazyStartProducer = lazyStartProducer;
    }

    public DataSize getMultipartThreshold() {
        return multipartThreshold;
    }

    public void setMultipartThreshold(DataSize multipartThreshold) {
        this.multipartThreshold = multipartThreshold;
    }

    public DataSize getPartSize() {
        return partSize;
    }

    public void setPartSize(DataSize partSize) {
        this.partSize = partSize;
    }

    public int getUploadConcurrency() {
        return uploadConcurrency;
    }

    public void setUploadConcurrency(int uploadConcurrency) {
        this.uploadConcurrency = uploadConcurrency;
    }

    public DataSize getMaxObjectSize() {
        return maxObjectSize;
    }

    public void setMaxObjectSize(DataSize maxObjectSize) {
        this.maxObjectSize = maxObjectSize;
    }

    public ChecksumAlgorithm getChecksumAlgorithm() {
        return checksumAlgorithm;
    }

    public void setChecksumAlgorithm(ChecksumAlgorithm checksumAlgorithm) {
        this.checksumAlgorithm = checksumAlgorithm;
    }

    public IdempotentRepository getCheckpointRepository() {
        return checkpointRepository;
    }

    public void setCheckpointRepository(IdempotentRepository checkpointRepository) {
        this.checkpointRepository = checkpointRepository;
    }

    public Duration getClaimTimeout() {
        return claimTimeout;
    }

    public void setClaimTimeout(Duration claimTimeout) {
        this.claimTimeout = claimTimeout;
    }

    public Duration getStaleUploadAge() {
        return staleUploadAge;
    }

    public void setStaleUploadAge(Duration staleUploadAge) {
        this.staleUploadAge = staleUploadAge;
    }

    public DownloadChecksumValidation getDownloadChecksumValidation() {
        return downloadChecksumValidation;
    }

    public void setDownloadChecksumValidation(DownloadChecksumValidation downloadChecksumValidation) {
        this.downloadChecksumValidation = downloadChecksumValidation;
    }

    public String getDestinationDirectory() {
        return destinationDirectory;
    }

    public void setDestinationDirectory(String destinationDirectory) {
        this.destinationDirectory = destinationDirectory;
    }

    public String getContentType() {
        return contentType;
    }

    public void setContentType(String contentType) {
        this.contentType = contentType;
    }

    public boolean isContentTypeDetection() {
        return contentTypeDetection;
    }

    public void setContentTypeDetection(boolean contentTypeDetection) {
        this.contentTypeDetection = contentTypeDetection;
    }

    public ContentTypeResolver getContentTypeResolver() {
        return contentTypeResolver;
    }

    public void setContentTypeResolver(ContentTypeResolver contentTypeResolver) {
        this.contentTypeResolver = contentTypeResolver;
    }

    public String getContentEncoding() {
        return contentEncoding;
    }

    public void setContentEncoding(String contentEncoding) {
        this.contentEncoding = contentEncoding;
    }

    public String getCacheControl() {
        return cacheControl;
    }

    public void setCacheControl(String cacheControl) {
        this.cacheControl = cacheControl;
    }

    public String getContentDisposition() {
        return contentDisposition;
    }

    public void setContentDisposition(String contentDisposition) {
        this.contentDisposition = contentDisposition;
    }

    public Map<String, String> getMetadata() {
        return metadata;
    }

    public void setMetadata(Map<String, String> metadata) {
        this.metadata = metadata;
    }

    public boolean isIncludeExchangeMetadata() {
        return includeExchangeMetadata;
    }

    public void setIncludeExchangeMetadata(boolean includeExchangeMetadata) {
        this.includeExchangeMetadata = includeExchangeMetadata;
    }

    public String getMetadataEnvironment() {
        return metadataEnvironment;
    }

    public void setMetadataEnvironment(String metadataEnvironment) {
        this.metadataEnvironment = metadataEnvironment;
    }

    public String getApplicationName() {
        return applicationName;
    }

    public void setApplicationName(String applicationName) {
        this.applicationName = applicationName;
    }

    public String getPrefix() {
        return prefix;
    }

    public void setPrefix(String prefix) {
        this.prefix = prefix;
    }

    public String getDelimiter() {
        return delimiter;
    }

    public void setDelimiter(String delimiter) {
        this.delimiter = delimiter;
    }

    public int getMaxMessagesPerPoll() {
        return maxMessagesPerPoll;
    }

    public void setMaxMessagesPerPoll(int maxMessagesPerPoll) {
        this.maxMessagesPerPoll = maxMessagesPerPoll;
    }

    public boolean isIncludeFolders() {
        return includeFolders;
    }

    public void setIncludeFolders(boolean includeFolders) {
        this.includeFolders = includeFolders;
    }

    public boolean isIncludeBody() {
        return includeBody;
    }

    public void setIncludeBody(boolean includeBody) {
        this.includeBody = includeBody;
    }

    public boolean isDeleteAfterRead() {
        return deleteAfterRead;
    }

    public void setDeleteAfterRead(boolean deleteAfterRead) {
        this.deleteAfterRead = deleteAfterRead;
    }

    public boolean isMoveAfterRead() {
        return moveAfterRead;
    }

    public void setMoveAfterRead(boolean moveAfterRead) {
        this.moveAfterRead = moveAfterRead;
    }

    public String getDestinationBucket() {
        return destinationBucket;
    }

    public void setDestinationBucket(String destinationBucket) {
        this.destinationBucket = destinationBucket;
    }

    public String getDestinationPrefix() {
        return destinationPrefix;
    }

    public void setDestinationPrefix(String destinationPrefix) {
        this.destinationPrefix = destinationPrefix;
    }

    public IdempotentRepository getIdempotentRepository() {
        return idempotentRepository;
    }

    public void setIdempotentRepository(IdempotentRepository idempotentRepository) {
        this.idempotentRepository = idempotentRepository;
    }

    public boolean isBridgeErrorHandler() {
        return bridgeErrorHandler;
    }

    public void setBridgeErrorHandler(boolean bridgeErrorHandler) {
        this.bridgeErrorHandler = bridgeErrorHandler;
    }

    public boolean isAutowiredEnabled() {
        return autowiredEnabled;
    }

    public void setAutowiredEnabled(boolean autowiredEnabled) {
        this.autowiredEnabled = autowiredEnabled;
    }

    public boolean isHealthCheckConsumerEnabled() {
        return healthCheckConsumerEnabled;
    }

    public void setHealthCheckConsumerEnabled(boolean healthCheckConsumerEnabled) {
        this.healthCheckConsumerEnabled = healthCheckConsumerEnabled;
    }

    public boolean isHealthCheckProducerEnabled() {
        return healthCheckProducerEnabled;
    }

    public void setHealthCheckProducerEnabled(boolean healthCheckProducerEnabled) {
        this.healthCheckProducerEnabled = healthCheckProducerEnabled;
    }
}

package io.github.s3lite.springboot;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.s3lite.S3LiteOperations;
import io.github.s3lite.client.ChecksumAlgorithm;
import io.github.s3lite.client.S3LiteClient;
import io.github.s3lite.client.auth.CredentialsProvider;
import io.github.s3lite.content.ContentTypeResolver;
import io.github.s3lite.metrics.TransferListener;
import io.github.s3lite.transfer.DownloadChecksumValidation;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.jsse.SSLContextParameters;
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
     * Region used for signing (and for the AWS endpoint when no endpoint is set). Default: the aws.region system property, else AWS_REGION, else the region of the profile (see profile) in the AWS config file, else us-east-1.
     */
    private String region;

    /**
     * Base URL of an S3-compatible service, such as http://127.0.0.1:9000 or
     * https://ACCOUNT_ID.r2.cloudflarestorage.com. Default: AWS's regional endpoint https://s3.REGION.amazonaws.com.
     */
    private String endpoint;

    /**
     * Path-style addressing (host/bucket/key) instead of virtual-host (bucket.host/key). Most self-hosted stores need
     * true.
     */
    private boolean pathStyleAccess = false;

    /**
     * Access key id. Without it (and without credentialsProvider or profile): the AWS default chain, env AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY/AWS_SESSION_TOKEN, web identity, the AWS_PROFILE profile of the shared config and credentials files, container, EC2 instance metadata.
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
     * Sign with credentials from this provider instead of accessKey/secretKey or the default chain (env, web identity, the AWS credentials file, container, EC2 instance metadata). Autowired when the registry holds exactly one io.github.s3lite.client.auth.CredentialsProvider.
     */
    private CredentialsProvider credentialsProvider;

    /**
     * Assume this IAM role (STS AssumeRole) on top of the base credentials (accessKey/secretKey, credentialsProvider or the default chain); its temporary credentials are refreshed before they expire.
     */
    private String roleArn;

    /**
     * Session name of the assumed role. Default: s3lite- followed by the time in milliseconds.
     */
    private String roleSessionName;

    /**
     * External id the role's trust policy asks for.
     */
    private String roleExternalId;

    /**
     * Lifetime of assumed-role sessions: 15m to 12h (the role's maximum session duration applies). 0: STS's default (1h).
     */
    private Duration roleSessionDuration = Duration.ZERO;

    /**
     * STS endpoint for roleArn, web identity and the roles of AWS profiles, such as https://sts.eu-west-1.amazonaws.com or a MinIO/Ceph STS URL. Default: https://sts.STSREGION.amazonaws.com.
     */
    private String stsEndpoint;

    /**
     * Region STS requests are signed for (and whose AWS endpoint is used). Default: the profile's region for its roles, else region.
     */
    private String stsRegion;

    /**
     * Take credentials from this profile of the AWS config file (.aws/config in the home directory or AWS_CONFIG_FILE, section: profile NAME) and credentials file (.aws/credentials or AWS_SHARED_CREDENTIALS_FILE, section: NAME) only: keys, role_arn with source_profile or credential_source, web_identity_token_file, credential_process; its region is the default of region. Default: the AWS default chain, whose profile step reads AWS_PROFILE, else default.
     */
    private String profile;

    /**
     * HTTP proxy host for S3 and STS requests (https targets are tunnelled with CONNECT). The EC2 instance metadata and container credential endpoints are always reached directly.
     */
    private String proxyHost;

    /**
     * HTTP proxy port (required with proxyHost), such as 3128.
     */
    private Integer proxyPort;

    /**
     * How to talk to the proxy: http, or https for TLS to the proxy itself (verified like the endpoint).
     */
    private String proxyProtocol = "http";

    /**
     * User name for the proxy's Basic authentication (sent after its first 407 challenge).
     */
    private String proxyUsername;

    /**
     * Password for the proxy's Basic authentication.
     */
    private String proxyPassword;

    /**
     * Hosts reached without the proxy, comma-separated (the JVM's bar-separated form works too): example.com matches it and its subdomains, .example.com its subdomains, 10.0.0.0/8 IP literals in that range, and a lone asterisk every host.
     */
    private String nonProxyHosts;

    /**
     * Use the system's proxy settings instead of proxyHost: the JVM properties https.proxyHost/https.proxyPort (https endpoints) and http.proxyHost/http.proxyPort (http endpoints) with http.nonProxyHosts, else the environment HTTPS_PROXY/HTTP_PROXY (credentials may be in the URL) with NO_PROXY. Loopback stays direct.
     */
    private boolean useSystemProxy;

    /**
     * Camel's TLS configuration (trust store for a private CA, key store for client certificates, protocols, cipher suites) for S3 and STS connections; host names are always verified. Default: the JVM's trust store.
     */
    private SSLContextParameters sslContextParameters;

    /**
     * Use the CamelContext's global SSLContextParameters (the camel.ssl options of Camel Main) when an endpoint sets no sslContextParameters.
     */
    private boolean useGlobalSslContextParameters;

    /**
     * TCP connect and TLS handshake timeout.
     */
    private Duration connectTimeout = Duration.ofSeconds(10);

    /**
     * Socket inactivity timeout while waiting for or reading response bytes.
     */
    private Duration socketTimeout = Duration.ofSeconds(60);

    /**
     * Total time of one non-streaming request (HEAD, LIST, PUT of a part, DELETE, ...) from sending it to having read its answer; CompleteMultipartUpload and CopyObject get at least 15 minutes. Streamed GET bodies are bounded by socketTimeout instead.
     */
    private Duration requestTimeout = Duration.ofMinutes(2);

    /**
     * Most pages one listing call follows (listObjects with a limit, ListParts, ListMultipartUploads); a store that pages forever fails with an error instead.
     */
    private int maxPages = 1000;

    /**
     * Maximum pooled HTTP connections of the endpoint's client.
     */
    private int maxConnections = 32;

    /**
     * Use this client instead of building one (it is then not closed by the endpoint). Autowired when the registry
     * holds exactly one io.github.s3lite.client.S3LiteClient: the endpoint options for connection and credentials are then
     * not used.
     */
    private S3LiteClient s3Client;

    /**
     * Told each upload's and download's progress (started, progress in increasing bytes, completed or failed): any
     * io.github.s3lite.metrics.TransferListener. Autowired when the registry holds exactly one. Large transfers are
     * also logged at INFO (io.github.s3lite.upload.progress, io.github.s3lite.transfer.progress).
     */
    private TransferListener transferListener;

    /**
     * The operation when no CamelS3LiteOperation header is set.
     */
    private S3LiteOperations operation = S3LiteOperations.putObject;

    /**
     * Object key when no CamelS3LiteKey header is set; Simple language allowed, e.g. in/${header.CamelFileName}. Falls
     * back to the CamelFileName header.
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
     * Whether the producer should be started lazy (on the first message). By starting lazy you can use this to allow
     * CamelContext and routes to startup in situations where a producer may otherwise fail during starting and cause
     * the route to fail being started. By deferring this startup to be lazy then the startup failure can be handled
     * during routing messages via Camel's routing error handlers. Beware that when the first message is processed then
     * creating and starting the producer may take a little time and prolong the total processing time of the
     * processing.
     */
    private boolean lazyStartProducer = false;

    /**
     * Bodies larger than this, or of unknown length, are uploaded in parts: bytes or a size such as 16MB (0 to 5GB).
     */
    private DataSize multipartThreshold = DataSize.ofMegabytes(16);

    /**
     * Part size: bytes or a size such as 8MB (5MB to 2047MB, as stream parts are buffered in heap arrays); raised
     * automatically so a known length fits in 10,000 parts.
     */
    private DataSize partSize = DataSize.ofMegabytes(8);

    /**
     * copyObject and moveAfterRead: sources larger than this are copied in parts (UploadPartCopy of partSize ranges,
     * uploadConcurrency in parallel, checkpointed), smaller ones with one CopyObject, which S3 refuses above 5 GiB:
     * bytes or a size such as 5GB (the default; 0 to 5GB).
     */
    private DataSize multipartCopyThreshold = DataSize.ofGigabytes(5);

    /**
     * Parts uploaded in parallel per upload.
     */
    private int uploadConcurrency = 4;

    /**
     * Largest object accepted: bytes or a size such as 5TB (the default, 5 TiB).
     */
    private DataSize maxObjectSize = DataSize.ofTerabytes(5);

    /**
     * Integrity check sent with each PUT/part and compared with the server's answer. AUTO uses CRC32C (cheap) where
     * the store verifies x-amz-checksum-crc32c and Content-MD5 (accepted everywhere) where it does not: the first
     * upload carries both and the answer decides. MD5, CRC32C, CRC32, SHA256 force one; NONE sends none.
     */
    private ChecksumAlgorithm checksumAlgorithm = ChecksumAlgorithm.AUTO;

    /**
     * Where multipart checkpoints are kept: any IdempotentRepository (memory, file, JDBC, Redis, Hazelcast...).
     * Default: an in-memory one (resume on redelivery in one JVM). Use a persistent one to resume after a crash, a
     * shared one to let another node resume.
     */
    private IdempotentRepository checkpointRepository;

    /**
     * abortStaleUploads: multipart uploads initiated longer ago than this are aborted. putObject: an unfinished
     * upload of the same key from another source is aborted only when older than this (a younger one may be another
     * writer's live upload).
     */
    private Duration staleUploadAge = Duration.ofDays(1);

    /**
     * getObject and the consumer download into this directory (the key becomes a relative path inside it; keys that
     * would escape it or collide are rejected, and no symbolic link is followed out of it), resumably, and the body is
     * the File.
     */
    private String destinationDirectory;

    /**
     * Downloads (getObject, consumer bodies) check the bytes against the object's checksum. WHEN_AVAILABLE: a
     * full-object checksum the store reports (x-amz-checksum-mode; AWS S3 does, S3Proxy and Ceph RGW 16 do not).
     * ALWAYS: that, else the ETag of a single-part object as MD5, else fail (multipart objects without a full-object
     * checksum; SSE-KMS/SSE-C objects on AWS, whose ETag is not an MD5). NEVER: none (length, range and ETag are still
     * checked).
     */
    private DownloadChecksumValidation downloadChecksumValidation = DownloadChecksumValidation.WHEN_AVAILABLE;

    /**
     * Downloads to a file (getObject with CamelS3LiteDestinationFile or destinationDirectory, the consumer with
     * destinationDirectory) of objects larger than downloadPartSize fetch this many ranges in parallel (1 to 64, at
     * most maxConnections); 1: one GET per object.
     */
    private int downloadConcurrency = 4;

    /**
     * Range size of parallel downloads to a file: bytes or a size such as 16MB (1MB to 5GB); objects larger than this
     * are fetched in ranges when downloadConcurrency is above 1.
     */
    private DataSize downloadPartSize = DataSize.ofMegabytes(16);

    /**
     * Content-Type to store when no header gives one (skips detection).
     */
    private String contentType;

    /**
     * Detect the Content-Type from the key/file extension and the first bytes (magic numbers).
     */
    private boolean contentTypeDetection = true;

    /**
     * Custom Content-Type detector.
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
     * User metadata for every upload, as metadata.NAME=VALUE options such as metadata.owner=team-a; a value with
     * ${...} is a Simple expression evaluated per exchange, e.g. metadata.source=${header.CamelFileName}. This is a
     * multi-value option with prefix: metadata.
     */
    private Map<String, String> metadata = new LinkedHashMap<>();

    /**
     * Add route id, exchange id, breadcrumb id and the source file's name and last-modified to the metadata.
     */
    private boolean includeExchangeMetadata = false;

    /**
     * Comma-separated names of environment variables or system properties whose values are added to the metadata (name
     * lower-cased, '_' and '.' as '-'), plus the host name and the application name when set.
     */
    private String metadataEnvironment;

    /**
     * Application name added to metadata as 'application' when metadataEnvironment is used.
     */
    private String applicationName;

    /**
     * Server-side encryption of new objects (PUT, CreateMultipartUpload, copies): AES256 (SSE-S3), aws:kms (SSE-KMS) or
     * aws:kms:dsse (dual-layer SSE-KMS). Default: none sent, the bucket's default applies. For customer-provided keys
     * use sseCustomerKey.
     */
    private String serverSideEncryption;

    /**
     * SSE-KMS: the KMS key (id, ARN or alias ARN) new objects are encrypted with. Default: the account's aws/s3 key.
     */
    private String kmsKeyId;

    /**
     * SSE-KMS: the encryption context, as a JSON object such as {project:billing} (sent base64-encoded) or its base64
     * text.
     */
    private String kmsEncryptionContext;

    /**
     * SSE-KMS: use an S3 Bucket Key for new objects (fewer KMS requests).
     */
    private boolean bucketKeyEnabled = false;

    /**
     * SSE-C: the base64 text of a 256-bit key (such as 'openssl rand -base64 32'). Objects are written with it (PUT,
     * CreateMultipartUpload, every UploadPart, CompleteMultipartUpload, copies) and read with it (getObject,
     * headObject, downloads, the consumer); the algorithm (AES256) and the key's MD5 are computed. Refused over plain
     * http unless sseCustomerKeyOverHttp is true.
     */
    private String sseCustomerKey;

    /**
     * Allow sseCustomerKey over a plain http endpoint (the key then travels in clear text): only on a trusted network,
     * such as a store on the same host. AWS S3 refuses SSE-C over http anyway.
     */
    private boolean sseCustomerKeyOverHttp = false;

    /**
     * Storage class of new objects, such as STANDARD, STANDARD_IA, ONEZONE_IA, INTELLIGENT_TIERING, GLACIER_IR,
     * GLACIER, DEEP_ARCHIVE, REDUCED_REDUNDANCY (Ceph RGW: a storage class of the placement target). Default: none sent
     * (STANDARD).
     */
    private String storageClass;

    /**
     * Canned ACL of new objects (x-amz-acl). Buckets with Object Ownership 'bucket owner enforced' (the AWS default
     * since 2023) refuse every ACL but bucket-owner-full-control.
     */
    private String cannedAcl;

    /**
     * Object tags for every upload, as tagging.NAME=VALUE options such as tagging.project=billing (at most 10; sent as
     * x-amz-tagging). A copy with tags replaces the source's. This is a multi-value option with prefix: tagging.
     */
    private Map<String, String> tagging = new LinkedHashMap<>();

    /**
     * Object Lock retention mode of new objects (the bucket must have Object Lock enabled); needs
     * objectLockRetainUntil.
     */
    private String objectLockMode;

    /**
     * Object Lock: retain new objects until this instant (ISO-8601, such as 2027-01-31T00:00:00Z) or for this long from
     * the upload (a duration such as 30d or P30D).
     */
    private String objectLockRetainUntil;

    /**
     * Object Lock: put a legal hold on new objects.
     */
    private boolean objectLockLegalHold = false;

    /**
     * The AWS account id (12 digits) the buckets must belong to: sent as x-amz-expected-bucket-owner on every request
     * to a bucket (and x-amz-source-expected-bucket-owner for a copy's source), so a bucket that changed hands is
     * refused with 403 instead of receiving data.
     */
    private String expectedBucketOwner;

    /**
     * Requester-pays buckets: send x-amz-request-payer: requester on every object and listing request (you pay for the
     * requests and transfer).
     */
    private boolean requestPayer = false;

    /**
     * Only objects whose key starts with this prefix.
     */
    private String prefix;

    /**
     * Delimiter for listing (e.g. '/': do not descend into 'folders').
     */
    private String delimiter;

    /**
     * The most objects delivered per poll (0 = no limit).
     */
    private int maxMessagesPerPoll = 10;

    /**
     * Also deliver 'folder' placeholder keys ending in '/'.
     */
    private boolean includeFolders = false;

    /**
     * Deliver the content as a lazily opened InputStream; false delivers only the headers.
     */
    private boolean includeBody = true;

    /**
     * Delete each object after its exchange succeeded.
     */
    private boolean deleteAfterRead = false;

    /**
     * Move each object after its exchange succeeded: copy to destinationBucket/destinationPrefix, verify, delete.
     */
    private boolean moveAfterRead = false;

    /**
     * moveAfterRead: target bucket (default: the same bucket).
     */
    private String destinationBucket;

    /**
     * moveAfterRead: prefix put before the key.
     */
    private String destinationPrefix;

    /**
     * Remembers delivered objects (bucket, key and ETag) so each is processed once, also across restarts and nodes
     * when persistent/shared. Default: in memory.
     */
    private IdempotentRepository idempotentRepository;

    /**
     * Competing consumers on a shared idempotentRepository: claims become leases. An object claimed by a node that
     * died before its exchange completed is delivered again by another node after 1 to 2 times claimTimeout. Must
     * exceed the longest processing time of one object. 0: a claim is the done mark itself and never expires.
     */
    private Duration claimTimeout = Duration.ZERO;

    /**
     * Allows for bridging the consumer to the Camel routing Error Handler, which mean any exceptions (if possible)
     * occurred while the Camel consumer is trying to pickup incoming messages, or the likes, will now be processed as
     * a message and handled by the routing Error Handler. Important: This is only possible if the 3rd party component
     * allows Camel to be alerted if an exception was thrown. Some components handle this internally only, and
     * therefore bridgeErrorHandler is not possible. In other situations we may improve the Camel component to hook
     * into the 3rd party component and make this possible for future releases. By default the consumer will use the
     * org.apache.camel.spi.ExceptionHandler to deal with exceptions, that will be logged at WARN or ERROR level and
     * ignored.
     */
    private boolean bridgeErrorHandler = false;

    /**
     * Whether autowiring is enabled. This is used for automatic autowiring options (the option must be marked as
     * autowired) by looking up in the registry to find if there is a single instance of matching type, which then gets
     * configured on the component. This can be used for automatic configuring JDBC data sources, JMS connection
     * factories, AWS Clients, etc.
     */
    private boolean autowiredEnabled = true;

    /**
     * Used for enabling or disabling all consumer based health checks from this component
     */
    private boolean healthCheckConsumerEnabled = true;

    /**
     * Used for enabling or disabling all producer based health checks from this component. Notice: Camel has by
     * default disabled all producer based health-checks. You can turn on producer checks globally by setting
     * camel.health.producersEnabled=true.
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

    public CredentialsProvider getCredentialsProvider() {
        return credentialsProvider;
    }

    public void setCredentialsProvider(CredentialsProvider credentialsProvider) {
        this.credentialsProvider = credentialsProvider;
    }

    public String getRoleArn() {
        return roleArn;
    }

    public void setRoleArn(String roleArn) {
        this.roleArn = roleArn;
    }

    public String getRoleSessionName() {
        return roleSessionName;
    }

    public void setRoleSessionName(String roleSessionName) {
        this.roleSessionName = roleSessionName;
    }

    public String getRoleExternalId() {
        return roleExternalId;
    }

    public void setRoleExternalId(String roleExternalId) {
        this.roleExternalId = roleExternalId;
    }

    public Duration getRoleSessionDuration() {
        return roleSessionDuration;
    }

    public void setRoleSessionDuration(Duration roleSessionDuration) {
        this.roleSessionDuration = roleSessionDuration;
    }

    public String getStsEndpoint() {
        return stsEndpoint;
    }

    public void setStsEndpoint(String stsEndpoint) {
        this.stsEndpoint = stsEndpoint;
    }

    public String getStsRegion() {
        return stsRegion;
    }

    public void setStsRegion(String stsRegion) {
        this.stsRegion = stsRegion;
    }

    public String getProfile() {
        return profile;
    }

    public void setProfile(String profile) {
        this.profile = profile;
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

    public Duration getRequestTimeout() {
        return requestTimeout;
    }

    public void setRequestTimeout(Duration requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    public int getMaxPages() {
        return maxPages;
    }

    public void setMaxPages(int maxPages) {
        this.maxPages = maxPages;
    }

    public int getMaxConnections() {
        return maxConnections;
    }

    public void setMaxConnections(int maxConnections) {
        this.maxConnections = maxConnections;
    }

    public S3LiteClient getS3Client() {
        return s3Client;
    }

    public void setS3Client(S3LiteClient s3Client) {
        this.s3Client = s3Client;
    }

    public TransferListener getTransferListener() {
        return transferListener;
    }

    public void setTransferListener(TransferListener transferListener) {
        this.transferListener = transferListener;
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

    public DataSize getMultipartCopyThreshold() {
        return multipartCopyThreshold;
    }

    public void setMultipartCopyThreshold(DataSize multipartCopyThreshold) {
        this.multipartCopyThreshold = multipartCopyThreshold;
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

    public int getDownloadConcurrency() {
        return downloadConcurrency;
    }

    public void setDownloadConcurrency(int downloadConcurrency) {
        this.downloadConcurrency = downloadConcurrency;
    }

    public DataSize getDownloadPartSize() {
        return downloadPartSize;
    }

    public void setDownloadPartSize(DataSize downloadPartSize) {
        this.downloadPartSize = downloadPartSize;
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

    public String getProxyHost() {
        return proxyHost;
    }

    public void setProxyHost(String proxyHost) {
        this.proxyHost = proxyHost;
    }

    public Integer getProxyPort() {
        return proxyPort;
    }

    public void setProxyPort(Integer proxyPort) {
        this.proxyPort = proxyPort;
    }

    public String getProxyProtocol() {
        return proxyProtocol;
    }

    public void setProxyProtocol(String proxyProtocol) {
        this.proxyProtocol = proxyProtocol;
    }

    public String getProxyUsername() {
        return proxyUsername;
    }

    public void setProxyUsername(String proxyUsername) {
        this.proxyUsername = proxyUsername;
    }

    public String getProxyPassword() {
        return proxyPassword;
    }

    public void setProxyPassword(String proxyPassword) {
        this.proxyPassword = proxyPassword;
    }

    public String getNonProxyHosts() {
        return nonProxyHosts;
    }

    public void setNonProxyHosts(String nonProxyHosts) {
        this.nonProxyHosts = nonProxyHosts;
    }

    public boolean isUseSystemProxy() {
        return useSystemProxy;
    }

    public void setUseSystemProxy(boolean useSystemProxy) {
        this.useSystemProxy = useSystemProxy;
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public boolean isUseGlobalSslContextParameters() {
        return useGlobalSslContextParameters;
    }

    public void setUseGlobalSslContextParameters(boolean useGlobalSslContextParameters) {
        this.useGlobalSslContextParameters = useGlobalSslContextParameters;
    }

    public String getServerSideEncryption() {
        return serverSideEncryption;
    }

    public void setServerSideEncryption(String serverSideEncryption) {
        this.serverSideEncryption = serverSideEncryption;
    }

    public String getKmsKeyId() {
        return kmsKeyId;
    }

    public void setKmsKeyId(String kmsKeyId) {
        this.kmsKeyId = kmsKeyId;
    }

    public String getKmsEncryptionContext() {
        return kmsEncryptionContext;
    }

    public void setKmsEncryptionContext(String kmsEncryptionContext) {
        this.kmsEncryptionContext = kmsEncryptionContext;
    }

    public boolean isBucketKeyEnabled() {
        return bucketKeyEnabled;
    }

    public void setBucketKeyEnabled(boolean bucketKeyEnabled) {
        this.bucketKeyEnabled = bucketKeyEnabled;
    }

    public String getSseCustomerKey() {
        return sseCustomerKey;
    }

    public void setSseCustomerKey(String sseCustomerKey) {
        this.sseCustomerKey = sseCustomerKey;
    }

    public boolean isSseCustomerKeyOverHttp() {
        return sseCustomerKeyOverHttp;
    }

    public void setSseCustomerKeyOverHttp(boolean sseCustomerKeyOverHttp) {
        this.sseCustomerKeyOverHttp = sseCustomerKeyOverHttp;
    }

    public String getStorageClass() {
        return storageClass;
    }

    public void setStorageClass(String storageClass) {
        this.storageClass = storageClass;
    }

    public String getCannedAcl() {
        return cannedAcl;
    }

    public void setCannedAcl(String cannedAcl) {
        this.cannedAcl = cannedAcl;
    }

    public Map<String, String> getTagging() {
        return tagging;
    }

    public void setTagging(Map<String, String> tagging) {
        this.tagging = tagging;
    }

    public String getObjectLockMode() {
        return objectLockMode;
    }

    public void setObjectLockMode(String objectLockMode) {
        this.objectLockMode = objectLockMode;
    }

    public String getObjectLockRetainUntil() {
        return objectLockRetainUntil;
    }

    public void setObjectLockRetainUntil(String objectLockRetainUntil) {
        this.objectLockRetainUntil = objectLockRetainUntil;
    }

    public boolean isObjectLockLegalHold() {
        return objectLockLegalHold;
    }

    public void setObjectLockLegalHold(boolean objectLockLegalHold) {
        this.objectLockLegalHold = objectLockLegalHold;
    }

    public String getExpectedBucketOwner() {
        return expectedBucketOwner;
    }

    public void setExpectedBucketOwner(String expectedBucketOwner) {
        this.expectedBucketOwner = expectedBucketOwner;
    }

    public boolean isRequestPayer() {
        return requestPayer;
    }

    public void setRequestPayer(boolean requestPayer) {
        this.requestPayer = requestPayer;
    }
}

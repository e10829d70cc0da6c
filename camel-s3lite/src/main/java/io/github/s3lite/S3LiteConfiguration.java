package io.github.s3lite;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.github.s3lite.client.ChecksumAlgorithm;
import io.github.s3lite.client.ObjectAccess;
import io.github.s3lite.client.ObjectLock;
import io.github.s3lite.client.ObjectStorageOptions;
import io.github.s3lite.client.ServerSideEncryption;
import io.github.s3lite.client.SseCustomerKey;
import io.github.s3lite.client.S3LiteClient;
import io.github.s3lite.client.S3Limits;
import io.github.s3lite.client.S3ClientConfig;
import io.github.s3lite.client.auth.AssumeRoleCredentialsProvider;
import io.github.s3lite.client.auth.AwsCredentialsChain;
import io.github.s3lite.client.auth.Credentials;
import io.github.s3lite.client.auth.CredentialsProvider;
import io.github.s3lite.client.auth.ProfileCredentialsProvider;
import io.github.s3lite.client.auth.ProfileFiles;
import io.github.s3lite.client.auth.StsClient;
import io.github.s3lite.client.http.HttpTransport;
import io.github.s3lite.client.http.ProxiedStsTransport;
import io.github.s3lite.client.http.ProxySelection;
import io.github.s3lite.client.http.ProxyServer;
import io.github.s3lite.content.ContentTypeResolver;
import io.github.s3lite.metrics.TransferListener;
import io.github.s3lite.transfer.DownloadChecksumValidation;
import io.github.s3lite.transfer.Parallelism;
import io.github.s3lite.upload.MultipartUploader;
import io.github.s3lite.upload.ObjectCopier;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.Configurer;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.spi.UriPath;

/**
 * Options of the s3lite component and its endpoints. Component-level values are the template of every endpoint.
 * <p>
 * This is also where options become domain settings: {@link #validate()} checks the whole configuration before any
 * request (rules in {@link ConfigurationRules}), {@link #toClientConfig()} and {@link #toUploadSettings()} map it to
 * the Camel-free client and uploader. Sizes, durations and counts given as text are parsed by {@link OptionText}.
 * Size: one field with its {@code @UriParam} and one getter/setter pair per Camel option (about 80), which Camel's
 * configurer generation requires on this class; the rules live in {@link ConfigurationRules}, text parsing in
 * {@link OptionText}.
 */
@UriParams
@Configurer
public class S3LiteConfiguration implements Cloneable {

    /** One mebibyte (1,048,576 bytes), the unit of the size defaults. */
    public static final long MIB = 1024L * 1024;

    @UriPath(description = "The bucket.")
    @Metadata(required = true)
    private String bucketName;

    // ------------------------------------------------------------ connection
    @UriParam(label = "common",
              description = "Region used for signing (and for the AWS endpoint when no endpoint is set). Default: the aws.region "
                            + "system property, else AWS_REGION, else the region of the profile (see profile) in the AWS config "
                            + "file, else us-east-1.")
    private String region;
    @UriParam(label = "common",
              description = "Base URL of an S3-compatible service, such as http://127.0.0.1:9000 or https://ACCOUNT_ID.r2.cloudflarestorage.com. "
                            + "Default: AWS's regional endpoint https://s3.REGION.amazonaws.com.")
    private String endpoint;
    @UriParam(label = "common", defaultValue = "false",
              description = "Path-style addressing (host/bucket/key) instead of virtual-host (bucket.host/key). Most self-hosted stores need true.")
    private boolean pathStyleAccess;
    @UriParam(label = "security", secret = true,
              description = "Access key id. Without it (and without credentialsProvider or profile): the AWS default chain, "
                            + "env AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY/AWS_SESSION_TOKEN, web identity, the AWS_PROFILE profile of "
                            + "the shared config and credentials files, container, EC2 instance metadata.")
    private String accessKey;
    @UriParam(label = "security", secret = true, description = "Secret access key.")
    private String secretKey;
    @UriParam(label = "security", secret = true, description = "Session token of temporary credentials.")
    private String sessionToken;
    @UriParam(label = "security", description = "Sign with credentials from this provider instead of accessKey/secretKey or "
                                                + "the default chain (env, web identity, the AWS credentials file, container, EC2 instance metadata). "
                                                + "Autowired when the registry holds exactly one io.github.s3lite.client.auth.CredentialsProvider.")
    @Metadata(autowired = true)
    private CredentialsProvider credentialsProvider;
    @UriParam(label = "security", description = "Assume this IAM role (STS AssumeRole) on top of the base credentials "
                                                + "(accessKey/secretKey, credentialsProvider or the default chain); its temporary "
                                                + "credentials are refreshed before they expire.")
    private String roleArn;
    @UriParam(label = "security", description = "Session name of the assumed role. Default: s3lite- followed by the time in milliseconds.")
    private String roleSessionName;
    @UriParam(label = "security", secret = true, description = "External id the role's trust policy asks for.")
    private String roleExternalId;
    @UriParam(label = "security", javaType = "java.time.Duration", defaultValue = "0",
              description = "Lifetime of assumed-role sessions: 15m to 12h (the role's maximum session duration applies). 0: STS's default (1h).")
    private long roleSessionDuration;
    @UriParam(label = "security", description = "STS endpoint for roleArn, web identity and the roles of AWS profiles, such as "
                                                + "https://sts.eu-west-1.amazonaws.com or a MinIO/Ceph STS URL. "
                                                + "Default: https://sts.STSREGION.amazonaws.com.")
    private String stsEndpoint;
    @UriParam(label = "security", description = "Region STS requests are signed for (and whose AWS endpoint is used). Default: "
                                                + "the profile's region for its roles, else region.")
    private String stsRegion;
    @UriParam(label = "security",
              description = "Take credentials from this profile of the AWS config file (.aws/config in the home directory or AWS_CONFIG_FILE, "
                            + "section: profile NAME) and credentials file (.aws/credentials or AWS_SHARED_CREDENTIALS_FILE, section: NAME) "
                            + "only: keys, role_arn with source_profile or credential_source, web_identity_token_file, credential_process; "
                            + "its region is the default of region. Default: the AWS default chain, whose profile step reads AWS_PROFILE, "
                            + "else default.")
    private String profile;
    // ------------------------------------------------------------ network: proxy and TLS
    @UriParam(label = "proxy", description = "HTTP proxy host for S3 and STS requests (https targets are tunnelled with CONNECT). "
                                             + "The EC2 instance metadata and container credential endpoints are always reached directly.")
    private String proxyHost;
    @UriParam(label = "proxy", description = "HTTP proxy port (required with proxyHost), such as 3128.")
    private Integer proxyPort;
    @UriParam(label = "proxy", defaultValue = "http", enums = "http,https",
              description = "How to talk to the proxy: http, or https for TLS to the proxy itself (verified like the endpoint).")
    private String proxyProtocol = "http";
    @UriParam(label = "proxy,security", secret = true, description = "User name for the proxy's Basic authentication (sent after its first 407 challenge).")
    private String proxyUsername;
    @UriParam(label = "proxy,security", secret = true, description = "Password for the proxy's Basic authentication.")
    private String proxyPassword;
    @UriParam(label = "proxy",
              description = "Hosts reached without the proxy, comma-separated (the JVM's bar-separated form works too): example.com "
                            + "matches it and its subdomains, .example.com its subdomains, 10.0.0.0/8 IP literals in that range, and a "
                            + "lone asterisk every host.")
    private String nonProxyHosts;
    @UriParam(label = "proxy", defaultValue = "false",
              description = "Use the system's proxy settings instead of proxyHost: the JVM properties https.proxyHost/https.proxyPort "
                            + "(https endpoints) and http.proxyHost/http.proxyPort (http endpoints) with http.nonProxyHosts, else the "
                            + "environment HTTPS_PROXY/HTTP_PROXY (credentials may be in the URL) with NO_PROXY. Loopback stays direct.")
    private boolean useSystemProxy;
    @UriParam(label = "security",
              description = "Camel's TLS configuration (trust store for a private CA, key store for client certificates, protocols, "
                            + "cipher suites) for S3 and STS connections; host names are always verified. Default: the JVM's trust store.")
    private org.apache.camel.support.jsse.SSLContextParameters sslContextParameters;
    @UriParam(label = "advanced", javaType = "java.time.Duration", defaultValue = "10000",
              description = "TCP connect and TLS handshake timeout.")
    private long connectTimeout = 10_000;
    @UriParam(label = "advanced", javaType = "java.time.Duration", defaultValue = "60000",
              description = "Socket inactivity timeout while waiting for or reading response bytes.")
    private long socketTimeout = 60_000;
    @UriParam(label = "advanced", javaType = "java.time.Duration", defaultValue = "120000",
              description = "Total time of one non-streaming request (HEAD, LIST, PUT of a part, DELETE, ...) from sending it to having read its answer; CompleteMultipartUpload and CopyObject get at least 15 minutes. Streamed GET bodies are bounded by socketTimeout instead.")
    private long requestTimeout = 120_000;
    @UriParam(label = "advanced", defaultValue = "1000",
              description = "Most pages one listing call follows (listObjects with a limit, ListParts, ListMultipartUploads); a store that pages forever fails with an error instead.")
    private int maxPages = 1000;
    @UriParam(label = "advanced", defaultValue = "32",
              description = "Maximum pooled HTTP connections of the endpoint's client.")
    private int maxConnections = 32;
    @UriParam(label = "advanced", description = "Use this client instead of building one (it is then not closed by the endpoint). Autowired when the registry holds exactly one io.github.s3lite.client.S3LiteClient: the endpoint options for connection and credentials are then not used.")
    @Metadata(autowired = true)
    private S3LiteClient s3Client;
    @UriParam(label = "advanced", description = "Record the s3lite meters (s3lite.requests, s3lite.bytes, s3lite.upload.parts, "
                                                + "s3lite.uploads.active, s3lite.consumer.*, s3lite.redeliveries) in this Micrometer registry. "
                                                + "When not set and Micrometer is on the classpath, the Camel registry's only "
                                                + "io.micrometer.core.instrument.MeterRegistry is used (Spring Boot Actuator's). Micrometer is optional.",
              javaType = "io.micrometer.core.instrument.MeterRegistry")
    // typed Object so that this class loads and reflects without Micrometer (MicrometerLookup checks the type)
    private Object meterRegistry;
    @UriParam(label = "advanced", description = "Told each upload's and download's progress (started, progress in increasing "
                                                + "bytes, completed or failed): any io.github.s3lite.metrics.TransferListener. "
                                                + "Autowired when the registry holds exactly one. Large transfers are also logged "
                                                + "at INFO (io.github.s3lite.upload.progress, io.github.s3lite.transfer.progress).")
    @Metadata(autowired = true)
    private TransferListener transferListener;

    // ------------------------------------------------------------ producer
    @UriParam(label = "producer", defaultValue = "putObject", enums = "putObject,getObject,headObject,deleteObject,deleteObjects,"
                                                                         + "listObjects,copyObject,createDownloadLink,createUploadLink,headBucket,"
                                                                         + "listMultipartUploads,abortMultipartUpload,abortStaleUploads",
              description = "The operation when no CamelS3LiteOperation header is set.")
    private S3LiteOperations operation = S3LiteOperations.putObject;
    @UriParam(label = "producer",
              description = "Object key when no CamelS3LiteKey header is set; Simple language allowed, e.g. in/${header.CamelFileName}. "
                            + "Falls back to the CamelFileName header.")
    private String keyName;
    @UriParam(label = "common", defaultValue = "false", description = "Create the bucket when the endpoint starts if it does not exist.")
    private boolean autoCreateBucket;
    @UriParam(label = "producer", javaType = "java.time.Duration", defaultValue = "3600000",
              description = "Lifetime of links made by createDownloadLink/createUploadLink (1 s to 7 days).")
    private long presignExpiry = 3_600_000;

    // ------------------------------------------------------------ multipart / checkpoints
    @UriParam(label = "producer,multipart", defaultValue = "16777216",
              description = "Bodies larger than this, or of unknown length, are uploaded in parts: bytes or a size such as 16MB (0 to 5GB).")
    private long multipartThreshold = 16 * MIB;
    @UriParam(label = "producer,multipart", defaultValue = "8388608",
              description = "Part size: bytes or a size such as 8MB (5MB to 2047MB, as stream parts are buffered in heap arrays); raised "
                            + "automatically so a known length fits in 10,000 parts.")
    private long partSize = 8 * MIB;
    @UriParam(label = "common,multipart", defaultValue = "5368709120",
              description = "copyObject and moveAfterRead: sources larger than this are copied in parts (UploadPartCopy of partSize "
                            + "ranges, uploadConcurrency in parallel, checkpointed), smaller ones with one CopyObject, which S3 refuses "
                            + "above 5 GiB: bytes or a size such as 5GB (the default; 0 to 5GB).")
    private long multipartCopyThreshold = S3Limits.MAX_COPY_OBJECT_SIZE;
    @UriParam(label = "producer,multipart", defaultValue = "4", description = "Parts uploaded in parallel per upload.")
    private int uploadConcurrency = 4;
    @UriParam(label = "producer,multipart", defaultValue = "5497558138880",
              description = "Largest object accepted: bytes or a size such as 5TB (the default, 5 TiB).")
    private long maxObjectSize = 5L * 1024 * 1024 * MIB;
    @UriParam(label = "producer,multipart", defaultValue = "AUTO", enums = "AUTO,NONE,MD5,CRC32C,CRC32,SHA256",
              description = "Integrity check sent with each PUT/part and compared with the server's answer. AUTO uses CRC32C (cheap) where "
                            + "the store verifies x-amz-checksum-crc32c and Content-MD5 (accepted everywhere) where it does not: the "
                            + "first upload carries both and the answer decides. MD5, CRC32C, CRC32, SHA256 force one; NONE sends none.")
    private ChecksumAlgorithm checksumAlgorithm = ChecksumAlgorithm.AUTO;
    @UriParam(label = "producer,multipart",
              description = "Where multipart checkpoints are kept: any IdempotentRepository (memory, file, JDBC, Redis, Hazelcast...). "
                            + "Default: an in-memory one (resume on redelivery in one JVM). Use a persistent one to resume after a crash, "
                            + "a shared one to let another node resume.")
    private IdempotentRepository checkpointRepository;
    @UriParam(label = "producer,multipart", javaType = "java.time.Duration", defaultValue = "86400000",
              description = "abortStaleUploads: multipart uploads initiated longer ago than this are aborted. putObject: an "
                            + "unfinished upload of the same key from another source is aborted only when older than this "
                            + "(a younger one may be another writer's live upload).")
    private long staleUploadAge = 86_400_000;

    // ------------------------------------------------------------ download
    @UriParam(label = "common",
              description = "getObject and the consumer download into this directory (the key becomes a relative path inside it; "
                            + "keys that would escape it or collide are rejected, and no symbolic link is followed out of it), resumably, "
                            + "and the body is the File.")
    private String destinationDirectory;
    @UriParam(label = "common", defaultValue = "WHEN_AVAILABLE", enums = "WHEN_AVAILABLE,ALWAYS,NEVER",
              description = "Downloads (getObject, consumer bodies) check the bytes against the object's checksum. WHEN_AVAILABLE: a full-object "
                            + "checksum the store reports (x-amz-checksum-mode; AWS S3 does, S3Proxy and Ceph RGW 16 do not). ALWAYS: that, "
                            + "else the ETag of a single-part object as MD5, else fail (multipart objects without a full-object checksum; "
                            + "SSE-KMS/SSE-C objects on AWS, whose ETag is not an MD5). NEVER: none (length, range and ETag are still checked).")
    private DownloadChecksumValidation downloadChecksumValidation = DownloadChecksumValidation.WHEN_AVAILABLE;
    @UriParam(label = "common", defaultValue = "4",
              description = "Downloads to a file (getObject with CamelS3LiteDestinationFile or destinationDirectory, the consumer with "
                            + "destinationDirectory) of objects larger than downloadPartSize fetch this many ranges in parallel (1 to 64, "
                            + "at most maxConnections); 1: one GET per object.")
    private int downloadConcurrency = 4;
    @UriParam(label = "common", defaultValue = "16777216",
              description = "Range size of parallel downloads to a file: bytes or a size such as 16MB (1MB to 5GB); objects larger than "
                            + "this are fetched in ranges when downloadConcurrency is above 1.")
    private long downloadPartSize = 16 * MIB;

    // ------------------------------------------------------------ content type and metadata
    @UriParam(label = "producer,metadata", description = "Content-Type to store when no header gives one (skips detection).")
    private String contentType;
    @UriParam(label = "producer,metadata", defaultValue = "true",
              description = "Detect the Content-Type from the key/file extension and the first bytes (magic numbers).")
    private boolean contentTypeDetection = true;
    @UriParam(label = "producer,metadata,advanced", description = "Custom Content-Type detector.")
    @Metadata(autowired = true)
    private ContentTypeResolver contentTypeResolver;
    @UriParam(label = "producer,metadata", description = "Content-Encoding to store, e.g. gzip.")
    private String contentEncoding;
    @UriParam(label = "producer,metadata", description = "Cache-Control to store.")
    private String cacheControl;
    @UriParam(label = "producer,metadata", description = "Content-Disposition to store.")
    private String contentDisposition;
    @UriParam(label = "producer,metadata", prefix = "metadata.", multiValue = true,
              description = "User metadata for every upload, as metadata.NAME=VALUE options such as metadata.owner=team-a; a value "
                            + "with ${...} is a Simple expression evaluated per exchange, e.g. metadata.source=${header.CamelFileName}.")
    private Map<String, String> metadata = new LinkedHashMap<>();
    @UriParam(label = "producer,metadata", defaultValue = "false",
              description = "Add route id, exchange id, breadcrumb id and the source file's name and last-modified to the metadata.")
    private boolean includeExchangeMetadata;
    @UriParam(label = "producer,metadata",
              description = "Comma-separated names of environment variables or system properties whose values are added to the metadata "
                            + "(name lower-cased, '_' and '.' as '-'), plus the host name and the application name when set.")
    private String metadataEnvironment;
    @UriParam(label = "producer,metadata", description = "Application name added to metadata as 'application' when metadataEnvironment is used.")
    private String applicationName;

    // ------------------------------------------------------------ encryption and write options (issue 14.2)
    @UriParam(label = "producer,security", enums = "AES256,aws:kms,aws:kms:dsse",
              description = "Server-side encryption of new objects (PUT, CreateMultipartUpload, copies): AES256 (SSE-S3), aws:kms "
                            + "(SSE-KMS) or aws:kms:dsse (dual-layer SSE-KMS). Default: none sent, the bucket's default applies. For "
                            + "customer-provided keys use sseCustomerKey.")
    private String serverSideEncryption;
    @UriParam(label = "producer,security",
              description = "SSE-KMS: the KMS key (id, ARN or alias ARN) new objects are encrypted with. Default: the account's aws/s3 key.")
    private String kmsKeyId;
    @UriParam(label = "producer,security",
              description = "SSE-KMS: the encryption context, as a JSON object such as {\"project\":\"billing\"} (sent base64-encoded) or "
                            + "its base64 text.")
    private String kmsEncryptionContext;
    @UriParam(label = "producer,security", defaultValue = "false",
              description = "SSE-KMS: use an S3 Bucket Key for new objects (fewer KMS requests).")
    private boolean bucketKeyEnabled;
    @UriParam(label = "security", secret = true,
              description = "SSE-C: the base64 text of a 256-bit key (such as 'openssl rand -base64 32'). Objects are written with it "
                            + "(PUT, CreateMultipartUpload, every UploadPart, CompleteMultipartUpload, copies) and read with it (getObject, "
                            + "headObject, downloads, the consumer); the algorithm (AES256) and the key's MD5 are computed. Refused "
                            + "over plain http unless sseCustomerKeyOverHttp is true.")
    private String sseCustomerKey;
    @UriParam(label = "security,advanced", defaultValue = "false",
              description = "Allow sseCustomerKey over a plain http endpoint (the key then travels in clear text): only on a "
                            + "trusted network, such as a store on the same host. AWS S3 refuses SSE-C over http anyway.")
    private boolean sseCustomerKeyOverHttp;
    @UriParam(label = "producer,storage",
              description = "Storage class of new objects, such as STANDARD, STANDARD_IA, ONEZONE_IA, INTELLIGENT_TIERING, GLACIER_IR, "
                            + "GLACIER, DEEP_ARCHIVE, REDUCED_REDUNDANCY (Ceph RGW: a storage class of the placement target). Default: "
                            + "none sent (STANDARD).")
    private String storageClass;
    @UriParam(label = "producer,storage", enums = "private,public-read,public-read-write,authenticated-read,aws-exec-read,"
                                                  + "bucket-owner-read,bucket-owner-full-control",
              description = "Canned ACL of new objects (x-amz-acl). Buckets with Object Ownership 'bucket owner enforced' (the AWS "
                            + "default since 2023) refuse every ACL but bucket-owner-full-control.")
    private String cannedAcl;
    @UriParam(label = "producer,storage", prefix = "tagging.", multiValue = true,
              description = "Object tags for every upload, as tagging.NAME=VALUE options such as tagging.project=billing (at most 10; "
                            + "sent as x-amz-tagging). A copy with tags replaces the source's.")
    private Map<String, String> tagging = new LinkedHashMap<>();
    @UriParam(label = "producer,storage", enums = "GOVERNANCE,COMPLIANCE",
              description = "Object Lock retention mode of new objects (the bucket must have Object Lock enabled); needs "
                            + "objectLockRetainUntil.")
    private String objectLockMode;
    @UriParam(label = "producer,storage",
              description = "Object Lock: retain new objects until this instant (ISO-8601, such as 2027-01-31T00:00:00Z) or for this "
                            + "long from the upload (a duration such as 30d or P30D).")
    private String objectLockRetainUntil;
    @UriParam(label = "producer,storage", defaultValue = "false",
              description = "Object Lock: put a legal hold on new objects.")
    private boolean objectLockLegalHold;
    @UriParam(label = "security",
              description = "The AWS account id (12 digits) the buckets must belong to: sent as x-amz-expected-bucket-owner on every "
                            + "request to a bucket (and x-amz-source-expected-bucket-owner for a copy's source), so a bucket that "
                            + "changed hands is refused with 403 instead of receiving data.")
    private String expectedBucketOwner;
    @UriParam(label = "common", defaultValue = "false",
              description = "Requester-pays buckets: send x-amz-request-payer: requester on every object and listing request "
                            + "(you pay for the requests and transfer).")
    private boolean requestPayer;

    // ------------------------------------------------------------ consumer
    @UriParam(label = "consumer", description = "Only objects whose key starts with this prefix.")
    private String prefix;
    @UriParam(label = "consumer", description = "Delimiter for listing (e.g. '/': do not descend into 'folders').")
    private String delimiter;
    @UriParam(label = "consumer", defaultValue = "10", description = "The most objects delivered per poll (0 = no limit).")
    private int maxMessagesPerPoll = 10;
    @UriParam(label = "consumer", defaultValue = "false", description = "Also deliver 'folder' placeholder keys ending in '/'.")
    private boolean includeFolders;
    @UriParam(label = "consumer", defaultValue = "true",
              description = "Deliver the content as a lazily opened InputStream; false delivers only the headers.")
    private boolean includeBody = true;
    @UriParam(label = "consumer", defaultValue = "false", description = "Delete each object after its exchange succeeded.")
    private boolean deleteAfterRead;
    @UriParam(label = "consumer", defaultValue = "false",
              description = "Move each object after its exchange succeeded: copy to destinationBucket/destinationPrefix, verify, delete.")
    private boolean moveAfterRead;
    @UriParam(label = "consumer", description = "moveAfterRead: target bucket (default: the same bucket).")
    private String destinationBucket;
    @UriParam(label = "consumer", description = "moveAfterRead: prefix put before the key.")
    private String destinationPrefix;
    @UriParam(label = "consumer",
              description = "Remembers delivered objects (bucket, key and ETag) so each is processed once, also across restarts and "
                            + "nodes when persistent/shared. Default: in memory.")
    private IdempotentRepository idempotentRepository;
    @UriParam(label = "consumer", javaType = "java.time.Duration", defaultValue = "0",
              description = "Competing consumers on a shared idempotentRepository: claims become leases. An object claimed by a node "
                            + "that died before its exchange completed is delivered again by another node after 1 to 2 times "
                            + "claimTimeout. Must exceed the longest processing time of one object. 0: a claim is the done mark "
                            + "itself and never expires.")
    private long claimTimeout;

    /**
     * Checks every option and combination (ranges from {@link io.github.s3lite.client.S3Limits}); called when an
     * endpoint starts, before any request.
     *
     * @throws IllegalArgumentException listing every problem, each with the option, the value, the allowed range and
     *                                  the fix
     */
    public void validate() {
        List<String> problems = ConfigurationRules.check(this);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Invalid s3lite configuration" + (bucketName == null ? "" : " of bucket "
                    + bucketName) + ": " + String.join("; ", problems));
        }
    }

    /**
     * The settings of a client built from these options: explicit keys, else {@code credentialsProvider}, else the
     * {@code profile} alone ({@link ProfileCredentialsProvider}), else the default chain ({@link AwsCredentialsChain});
     * with {@code roleArn} a role assumed on top of those. The signing region is {@link #resolvedRegion()}.
     */
    public S3ClientConfig toClientConfig() {
        return toClientConfig(null);
    }

    /**
     * The same with a TLS context made from {@code sslContextParameters} (or the global ones) by the endpoint; null:
     * the JVM's. The proxy settings and the TLS context apply to S3 and to STS (assume-role).
     */
    public S3ClientConfig toClientConfig(javax.net.ssl.SSLContext sslContext) {
        ProxySelection proxy = toProxySelection();
        HttpTransport.Settings network = new HttpTransport.Settings(Duration.ofMillis(connectTimeout),
                Duration.ofMillis(socketTimeout), 1, sslContext, null, null, proxy);
        StsClient.Transport stsTransport = proxy.isDirect() && sslContext == null ? null : new ProxiedStsTransport(network);
        Function<String, StsClient> sts = AwsCredentialsChain.sts(isSet(stsEndpoint) ? URI.create(stsEndpoint.trim()) : null,
                isSet(stsRegion) ? stsRegion.trim() : null, stsTransport);
        String signingRegion = resolvedRegion();
        Function<String, StsClient> profileSts = named -> sts.apply(named != null ? named : signingRegion);
        CredentialsProvider credentials;
        if (isSet(accessKey) || isSet(secretKey)) {
            if (!isSet(accessKey) || !isSet(secretKey)) {
                throw new IllegalArgumentException("Set both accessKey and secretKey (or neither, to use the environment "
                                                   + "or ~/.aws/credentials)");
            }
            credentials = CredentialsProvider.of(new Credentials(accessKey, secretKey, isSet(sessionToken) ? sessionToken : null));
        } else if (credentialsProvider != null) {
            credentials = credentialsProvider;
        } else if (isSet(profile)) {
            credentials = new ProfileCredentialsProvider(ProfileFiles.fromSystem(), profile.trim(), System::getenv, profileSts);
        } else {
            credentials = new AwsCredentialsChain(System::getenv, System::getProperty, ProfileFiles.fromSystem(), profileSts);
        }
        if (isSet(roleArn)) {
            credentials = new AssumeRoleCredentialsProvider(credentials, sts.apply(signingRegion),
                    new StsClient.RoleRequest(roleArn.trim(), roleSessionName, roleExternalId,
                            roleSessionDuration > 0 ? Duration.ofMillis(roleSessionDuration) : null));
        }
        URI uri = isSet(endpoint) ? URI.create(endpoint.trim()) : null;
        return new S3ClientConfig(uri, signingRegion, pathStyleAccess, credentials, Duration.ofMillis(connectTimeout),
                Duration.ofMillis(socketTimeout), maxConnections, null).withRequestTimeout(Duration.ofMillis(requestTimeout))
                .withMaxPages(maxPages).withTls(sslContext, null, null).withProxy(proxy);
    }

    /**
     * The region requests are signed for: {@code region}, else the {@code aws.region} system property, else
     * {@code AWS_REGION} (what EKS, ECS and Lambda set, and what the AWS SDKs read first), else the {@code region} of
     * the profile ({@code profile}, else {@code AWS_PROFILE}, else default) in the shared files, else us-east-1.
     */
    public String resolvedRegion() {
        if (isSet(region)) {
            return region.trim();
        }
        String fromProfile;
        try {
            fromProfile = ProfileCredentialsProvider.defaultRegion(ProfileFiles.fromSystem(), profile);
        } catch (RuntimeException e) { // an unreadable file: credentials resolution reports it
            fromProfile = null;
        }
        return fromProfile != null ? fromProfile : "us-east-1";
    }

    /** Where requests go: proxyHost, else the system's settings when useSystemProxy, else direct. */
    public ProxySelection toProxySelection() {
        if (isSet(proxyHost)) {
            return ProxySelection.explicit(new ProxyServer(proxyProtocol, proxyHost.trim(), proxyPort == null ? 0 : proxyPort,
                    proxyUsername, proxyPassword), nonProxyHosts);
        }
        return useSystemProxy ? ProxySelection.system() : ProxySelection.DIRECT;
    }

    /** The settings of multipart uploads made with these options. */
    public MultipartUploader.Settings toUploadSettings() {
        return new MultipartUploader.Settings(partSize, uploadConcurrency, maxObjectSize, checksumAlgorithm,
                java.time.Duration.ofMillis(staleUploadAge));
    }

    /** The settings of server-side copies (copyObject, moveAfterRead) made with these options. */
    public ObjectCopier.Settings toCopySettings() {
        return new ObjectCopier.Settings(multipartCopyThreshold, partSize, uploadConcurrency, maxObjectSize,
                java.time.Duration.ofMillis(staleUploadAge));
    }

    /**
     * The storage options of a write (encryption, storage class, ACL, tags, Object Lock): the options, each
     * overridden by the exchange's value where {@code perExchange} gives one (null: none). The one place options
     * become {@link ObjectStorageOptions}; {@link ConfigurationRules} calls it at start without overrides.
     *
     * @throws IllegalArgumentException naming the option and the rule a value breaks
     */
    public ObjectStorageOptions storageOptions(WriteOverrides perExchange) {
        WriteOverrides x = perExchange == null ? WriteOverrides.NONE : perExchange;
        String sse = x.text("serverSideEncryption", serverSideEncryption);
        ServerSideEncryption encryption = new ServerSideEncryption(sse, x.text("kmsKeyId", kmsKeyId),
                x.text("kmsEncryptionContext", kmsEncryptionContext), x.flag("bucketKeyEnabled", bucketKeyEnabled));
        String mode = x.text("objectLockMode", objectLockMode);
        Object until = x.value("objectLockRetainUntil", objectLockRetainUntil);
        ObjectLock lock = new ObjectLock(mode, retainUntil(until), x.flag("objectLockLegalHold", objectLockLegalHold));
        Map<String, String> tags = x.tags("tagging", tagging);
        return new ObjectStorageOptions(encryption, x.text("storageClass", storageClass), x.text("cannedAcl", cannedAcl),
                tags, lock);
    }

    /**
     * What every request carries (SSE-C key, expected bucket owner, request payer), with the exchange's overrides:
     * the one place options become {@link ObjectAccess}.
     */
    public ObjectAccess objectAccess(WriteOverrides perExchange) {
        WriteOverrides x = perExchange == null ? WriteOverrides.NONE : perExchange;
        String key = x.text("sseCustomerKey", sseCustomerKey);
        return new ObjectAccess(isSet(key) ? SseCustomerKey.fromBase64(key) : null,
                x.text("expectedBucketOwner", expectedBucketOwner), x.flag("requestPayer", requestPayer),
                sseCustomerKeyOverHttp);
    }

    /** An ISO-8601 instant, a duration from now (text such as 30d, or a Duration), an Instant or a Date; null: none. */
    private static Instant retainUntil(Object v) {
        if (v == null || v instanceof String s && s.isBlank()) {
            return null;
        }
        if (v instanceof Instant i) {
            return i;
        }
        if (v instanceof java.util.Date d) {
            return d.toInstant();
        }
        if (v instanceof Duration d) {
            return Instant.now().plus(d);
        }
        String s = v.toString().trim();
        if (Character.isDigit(s.charAt(0)) && s.length() >= 10 && s.charAt(4) == '-') {
            try {
                return java.time.OffsetDateTime.parse(s).toInstant();
            } catch (java.time.format.DateTimeParseException e) {
                throw new IllegalArgumentException("objectLockRetainUntil=" + s + " is not an ISO-8601 instant such as "
                        + "2027-01-31T00:00:00Z (" + e.getMessage() + ")");
            }
        }
        try {
            return Instant.now().plus(OptionText.parseDuration("objectLockRetainUntil", s));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("objectLockRetainUntil=" + s + " is neither an ISO-8601 instant such as "
                    + "2027-01-31T00:00:00Z nor a duration such as 30d");
        }
    }

    private static boolean isSet(String s) {
        return s != null && !s.isEmpty();
    }

    /** An independent copy (its metadata and tagging maps are copies too): what each endpoint starts from. */
    public S3LiteConfiguration copy() {
        try {
            S3LiteConfiguration c = (S3LiteConfiguration) super.clone();
            c.metadata = new LinkedHashMap<>(metadata);
            c.tagging = new LinkedHashMap<>(tagging);
            return c;
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

    /** The bucket. */
    public String getBucketName() {
        return bucketName;
    }

    /** The bucket. */
    public void setBucketName(String bucketName) {
        this.bucketName = bucketName;
    }

    /**
     * Region used for signing (and for the AWS endpoint when no endpoint is set). Default: the aws.region system
     * property, else AWS_REGION, else the region of the profile (see profile) in the AWS config file, else us-east-1.
     */
    public String getRegion() {
        return region;
    }

    /**
     * Region used for signing (and for the AWS endpoint when no endpoint is set). Default: the aws.region system
     * property, else AWS_REGION, else the region of the profile (see profile) in the AWS config file, else us-east-1.
     */
    public void setRegion(String region) {
        this.region = region;
    }

    /**
     * Base URL of an S3-compatible service, such as http://127.0.0.1:9000 or
     * https://ACCOUNT_ID.r2.cloudflarestorage.com. Default: AWS's regional endpoint https://s3.REGION.amazonaws.com.
     */
    public String getEndpoint() {
        return endpoint;
    }

    /**
     * Base URL of an S3-compatible service, such as http://127.0.0.1:9000 or
     * https://ACCOUNT_ID.r2.cloudflarestorage.com. Default: AWS's regional endpoint https://s3.REGION.amazonaws.com.
     */
    public void setEndpoint(String endpoint) {
        this.endpoint = endpoint;
    }

    /**
     * Path-style addressing (host/bucket/key) instead of virtual-host (bucket.host/key). Most self-hosted stores need
     * true.
     */
    public boolean isPathStyleAccess() {
        return pathStyleAccess;
    }

    /**
     * Path-style addressing (host/bucket/key) instead of virtual-host (bucket.host/key). Most self-hosted stores need
     * true.
     */
    public void setPathStyleAccess(boolean pathStyleAccess) {
        this.pathStyleAccess = pathStyleAccess;
    }

    /**
     * Access key id. Without it (and without credentialsProvider or profile): the AWS default chain, env
     * AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY/AWS_SESSION_TOKEN, web identity, the AWS_PROFILE profile of the shared
     * config and credentials files, container, EC2 instance metadata.
     */
    public String getAccessKey() {
        return accessKey;
    }

    /**
     * Access key id. Without it (and without credentialsProvider or profile): the AWS default chain, env
     * AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY/AWS_SESSION_TOKEN, web identity, the AWS_PROFILE profile of the shared
     * config and credentials files, container, EC2 instance metadata.
     */
    public void setAccessKey(String accessKey) {
        this.accessKey = accessKey;
    }

    /** Secret access key. */
    public String getSecretKey() {
        return secretKey;
    }

    /** Secret access key. */
    public void setSecretKey(String secretKey) {
        this.secretKey = secretKey;
    }

    /** Session token of temporary credentials. */
    public String getSessionToken() {
        return sessionToken;
    }

    /** Session token of temporary credentials. */
    public void setSessionToken(String sessionToken) {
        this.sessionToken = sessionToken;
    }

    /**
     * Sign with credentials from this provider instead of accessKey/secretKey or the default chain (env, web identity,
     * the AWS credentials file, container, EC2 instance metadata). Autowired when the registry holds exactly one
     * io.github.s3lite.client.auth.CredentialsProvider.
     */
    public CredentialsProvider getCredentialsProvider() {
        return credentialsProvider;
    }

    /**
     * Sign with credentials from this provider instead of accessKey/secretKey or the default chain (env, web identity,
     * the AWS credentials file, container, EC2 instance metadata). Autowired when the registry holds exactly one
     * io.github.s3lite.client.auth.CredentialsProvider.
     */
    public void setCredentialsProvider(CredentialsProvider credentialsProvider) {
        this.credentialsProvider = credentialsProvider;
    }

    /**
     * Assume this IAM role (STS AssumeRole) on top of the base credentials (accessKey/secretKey, credentialsProvider
     * or the default chain); its temporary credentials are refreshed before they expire.
     */
    public String getRoleArn() {
        return roleArn;
    }

    /**
     * Assume this IAM role (STS AssumeRole) on top of the base credentials (accessKey/secretKey, credentialsProvider
     * or the default chain); its temporary credentials are refreshed before they expire.
     */
    public void setRoleArn(String roleArn) {
        this.roleArn = roleArn;
    }

    /** Session name of the assumed role. Default: s3lite- followed by the time in milliseconds. */
    public String getRoleSessionName() {
        return roleSessionName;
    }

    /** Session name of the assumed role. Default: s3lite- followed by the time in milliseconds. */
    public void setRoleSessionName(String roleSessionName) {
        this.roleSessionName = roleSessionName;
    }

    /** External id the role's trust policy asks for. */
    public String getRoleExternalId() {
        return roleExternalId;
    }

    /** External id the role's trust policy asks for. */
    public void setRoleExternalId(String roleExternalId) {
        this.roleExternalId = roleExternalId;
    }

    /**
     * Lifetime of assumed-role sessions: 15m to 12h (the role's maximum session duration applies). 0: STS's default
     * (1h).
     */
    public long getRoleSessionDuration() {
        return roleSessionDuration;
    }

    /**
     * Lifetime of assumed-role sessions: 15m to 12h (the role's maximum session duration applies). 0: STS's default
     * (1h).
     */
    public void setRoleSessionDuration(long roleSessionDuration) {
        this.roleSessionDuration = roleSessionDuration;
    }

    /**
     * STS endpoint for roleArn, web identity and the roles of AWS profiles, such as
     * https://sts.eu-west-1.amazonaws.com or a MinIO/Ceph STS URL. Default: https://sts.STSREGION.amazonaws.com.
     */
    public String getStsEndpoint() {
        return stsEndpoint;
    }

    /**
     * STS endpoint for roleArn, web identity and the roles of AWS profiles, such as
     * https://sts.eu-west-1.amazonaws.com or a MinIO/Ceph STS URL. Default: https://sts.STSREGION.amazonaws.com.
     */
    public void setStsEndpoint(String stsEndpoint) {
        this.stsEndpoint = stsEndpoint;
    }

    /**
     * Region STS requests are signed for (and whose AWS endpoint is used). Default: the profile's region for its
     * roles, else region.
     */
    public String getStsRegion() {
        return stsRegion;
    }

    /**
     * Region STS requests are signed for (and whose AWS endpoint is used). Default: the profile's region for its
     * roles, else region.
     */
    public void setStsRegion(String stsRegion) {
        this.stsRegion = stsRegion;
    }

    /**
     * Take credentials from this profile of the AWS config file (.aws/config in the home directory or AWS_CONFIG_FILE,
     * section: profile NAME) and credentials file (.aws/credentials or AWS_SHARED_CREDENTIALS_FILE, section: NAME)
     * only: keys, role_arn with source_profile or credential_source, web_identity_token_file, credential_process; its
     * region is the default of region. Default: the AWS default chain, whose profile step reads AWS_PROFILE, else
     * default.
     */
    public String getProfile() {
        return profile;
    }

    /**
     * Take credentials from this profile of the AWS config file (.aws/config in the home directory or AWS_CONFIG_FILE,
     * section: profile NAME) and credentials file (.aws/credentials or AWS_SHARED_CREDENTIALS_FILE, section: NAME)
     * only: keys, role_arn with source_profile or credential_source, web_identity_token_file, credential_process; its
     * region is the default of region. Default: the AWS default chain, whose profile step reads AWS_PROFILE, else
     * default.
     */
    public void setProfile(String profile) {
        this.profile = profile;
    }

    /** TCP connect and TLS handshake timeout. */
    public long getConnectTimeout() {
        return connectTimeout;
    }

    /** TCP connect and TLS handshake timeout. */
    public void setConnectTimeout(long connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    /** Socket inactivity timeout while waiting for or reading response bytes. */
    public long getSocketTimeout() {
        return socketTimeout;
    }

    /** Socket inactivity timeout while waiting for or reading response bytes. */
    public void setSocketTimeout(long socketTimeout) {
        this.socketTimeout = socketTimeout;
    }

    /**
     * Total time of one non-streaming request (HEAD, LIST, PUT of a part, DELETE, ...) from sending it to having read
     * its answer; CompleteMultipartUpload and CopyObject get at least 15 minutes. Streamed GET bodies are bounded by
     * socketTimeout instead.
     */
    public long getRequestTimeout() {
        return requestTimeout;
    }

    /**
     * Total time of one non-streaming request (HEAD, LIST, PUT of a part, DELETE, ...) from sending it to having read
     * its answer; CompleteMultipartUpload and CopyObject get at least 15 minutes. Streamed GET bodies are bounded by
     * socketTimeout instead.
     */
    public void setRequestTimeout(long requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    /**
     * Most pages one listing call follows (listObjects with a limit, ListParts, ListMultipartUploads); a store that
     * pages forever fails with an error instead.
     */
    public int getMaxPages() {
        return maxPages;
    }

    /**
     * Most pages one listing call follows (listObjects with a limit, ListParts, ListMultipartUploads); a store that
     * pages forever fails with an error instead.
     */
    public void setMaxPages(int maxPages) {
        this.maxPages = maxPages;
    }

    /** Maximum pooled HTTP connections of the endpoint's client. */
    public int getMaxConnections() {
        return maxConnections;
    }

    /** Maximum pooled HTTP connections of the endpoint's client. */
    public void setMaxConnections(int maxConnections) {
        this.maxConnections = maxConnections;
    }

    /**
     * Record the s3lite meters (s3lite.requests, s3lite.bytes, s3lite.upload.parts, s3lite.uploads.active,
     * s3lite.consumer.*, s3lite.redeliveries) in this Micrometer registry. When not set and Micrometer is on the
     * classpath, the Camel registry's only io.micrometer.core.instrument.MeterRegistry is used (Spring Boot
     * Actuator's). Micrometer is optional. Typed Object so that this class loads without Micrometer.
     */
    public Object getMeterRegistry() {
        return meterRegistry;
    }

    /**
     * Record the s3lite meters (s3lite.requests, s3lite.bytes, s3lite.upload.parts, s3lite.uploads.active,
     * s3lite.consumer.*, s3lite.redeliveries) in this Micrometer registry. When not set and Micrometer is on the
     * classpath, the Camel registry's only io.micrometer.core.instrument.MeterRegistry is used (Spring Boot
     * Actuator's). Micrometer is optional. Typed Object so that this class loads without Micrometer.
     */
    public void setMeterRegistry(Object meterRegistry) {
        this.meterRegistry = meterRegistry;
    }

    /**
     * Told each upload's and download's progress (started, progress in increasing bytes, completed or failed): any
     * io.github.s3lite.metrics.TransferListener. Autowired when the registry holds exactly one. Large transfers are
     * also logged at INFO (io.github.s3lite.upload.progress, io.github.s3lite.transfer.progress).
     */
    public TransferListener getTransferListener() {
        return transferListener;
    }

    /**
     * Told each upload's and download's progress (started, progress in increasing bytes, completed or failed): any
     * io.github.s3lite.metrics.TransferListener. Autowired when the registry holds exactly one. Large transfers are
     * also logged at INFO (io.github.s3lite.upload.progress, io.github.s3lite.transfer.progress).
     */
    public void setTransferListener(TransferListener transferListener) {
        this.transferListener = transferListener;
    }

    /**
     * Use this client instead of building one (it is then not closed by the endpoint). Autowired when the registry
     * holds exactly one io.github.s3lite.client.S3LiteClient: the endpoint options for connection and credentials are
     * then not used.
     */
    public S3LiteClient getS3Client() {
        return s3Client;
    }

    /**
     * Use this client instead of building one (it is then not closed by the endpoint). Autowired when the registry
     * holds exactly one io.github.s3lite.client.S3LiteClient: the endpoint options for connection and credentials are
     * then not used.
     */
    public void setS3Client(S3LiteClient s3Client) {
        this.s3Client = s3Client;
    }

    /** The operation when no CamelS3LiteOperation header is set. */
    public S3LiteOperations getOperation() {
        return operation;
    }

    /** The operation when no CamelS3LiteOperation header is set. */
    public void setOperation(S3LiteOperations operation) {
        this.operation = operation;
    }

    /**
     * Object key when no CamelS3LiteKey header is set; Simple language allowed, e.g. in/${header.CamelFileName}. Falls
     * back to the CamelFileName header.
     */
    public String getKeyName() {
        return keyName;
    }

    /**
     * Object key when no CamelS3LiteKey header is set; Simple language allowed, e.g. in/${header.CamelFileName}. Falls
     * back to the CamelFileName header.
     */
    public void setKeyName(String keyName) {
        this.keyName = keyName;
    }

    /** Create the bucket when the endpoint starts if it does not exist. */
    public boolean isAutoCreateBucket() {
        return autoCreateBucket;
    }

    /** Create the bucket when the endpoint starts if it does not exist. */
    public void setAutoCreateBucket(boolean autoCreateBucket) {
        this.autoCreateBucket = autoCreateBucket;
    }

    /** Lifetime of links made by createDownloadLink/createUploadLink (1 s to 7 days). */
    public long getPresignExpiry() {
        return presignExpiry;
    }

    /** Lifetime of links made by createDownloadLink/createUploadLink (1 s to 7 days). */
    public void setPresignExpiry(long presignExpiry) {
        this.presignExpiry = presignExpiry;
    }

    /**
     * Bodies larger than this, or of unknown length, are uploaded in parts: bytes or a size such as 16MB (0 to 5GB).
     */
    public long getMultipartThreshold() {
        return multipartThreshold;
    }

    /**
     * Bodies larger than this, or of unknown length, are uploaded in parts: bytes or a size such as 16MB (0 to 5GB).
     */
    public void setMultipartThreshold(long multipartThreshold) {
        this.multipartThreshold = multipartThreshold;
    }

    /**
     * Part size: bytes or a size such as 8MB (5MB to 2047MB, as stream parts are buffered in heap arrays); raised
     * automatically so a known length fits in 10,000 parts.
     */
    public long getPartSize() {
        return partSize;
    }

    /**
     * Part size: bytes or a size such as 8MB (5MB to 2047MB, as stream parts are buffered in heap arrays); raised
     * automatically so a known length fits in 10,000 parts.
     */
    public void setPartSize(long partSize) {
        this.partSize = partSize;
    }

    /** Parts uploaded in parallel per upload. */
    public int getUploadConcurrency() {
        return uploadConcurrency;
    }

    /** Parts uploaded in parallel per upload. */
    public void setUploadConcurrency(int uploadConcurrency) {
        this.uploadConcurrency = uploadConcurrency;
    }

    /** Largest object accepted: bytes or a size such as 5TB (the default, 5 TiB). */
    public long getMaxObjectSize() {
        return maxObjectSize;
    }

    /** Largest object accepted: bytes or a size such as 5TB (the default, 5 TiB). */
    public void setMaxObjectSize(long maxObjectSize) {
        this.maxObjectSize = maxObjectSize;
    }

    /**
     * Integrity check sent with each PUT/part and compared with the server's answer. AUTO uses CRC32C (cheap) where
     * the store verifies x-amz-checksum-crc32c and Content-MD5 (accepted everywhere) where it does not: the first
     * upload carries both and the answer decides. MD5, CRC32C, CRC32, SHA256 force one; NONE sends none.
     */
    public ChecksumAlgorithm getChecksumAlgorithm() {
        return checksumAlgorithm;
    }

    /**
     * Integrity check sent with each PUT/part and compared with the server's answer. AUTO uses CRC32C (cheap) where
     * the store verifies x-amz-checksum-crc32c and Content-MD5 (accepted everywhere) where it does not: the first
     * upload carries both and the answer decides. MD5, CRC32C, CRC32, SHA256 force one; NONE sends none.
     */
    public void setChecksumAlgorithm(ChecksumAlgorithm checksumAlgorithm) {
        this.checksumAlgorithm = checksumAlgorithm;
    }

    /**
     * Where multipart checkpoints are kept: any IdempotentRepository (memory, file, JDBC, Redis, Hazelcast...).
     * Default: an in-memory one (resume on redelivery in one JVM). Use a persistent one to resume after a crash, a
     * shared one to let another node resume.
     */
    public IdempotentRepository getCheckpointRepository() {
        return checkpointRepository;
    }

    /**
     * Where multipart checkpoints are kept: any IdempotentRepository (memory, file, JDBC, Redis, Hazelcast...).
     * Default: an in-memory one (resume on redelivery in one JVM). Use a persistent one to resume after a crash, a
     * shared one to let another node resume.
     */
    public void setCheckpointRepository(IdempotentRepository checkpointRepository) {
        this.checkpointRepository = checkpointRepository;
    }

    /**
     * copyObject and moveAfterRead: sources larger than this are copied in parts (UploadPartCopy of partSize ranges,
     * uploadConcurrency in parallel, checkpointed), smaller ones with one CopyObject, which S3 refuses above 5 GiB:
     * bytes or a size such as 5GB (the default; 0 to 5GB).
     */
    public long getMultipartCopyThreshold() {
        return multipartCopyThreshold;
    }

    /**
     * copyObject and moveAfterRead: sources larger than this are copied in parts (UploadPartCopy of partSize ranges,
     * uploadConcurrency in parallel, checkpointed), smaller ones with one CopyObject, which S3 refuses above 5 GiB:
     * bytes or a size such as 5GB (the default; 0 to 5GB).
     */
    public void setMultipartCopyThreshold(long multipartCopyThreshold) {
        this.multipartCopyThreshold = multipartCopyThreshold;
    }

    /**
     * abortStaleUploads: multipart uploads initiated longer ago than this are aborted. putObject: an unfinished upload
     * of the same key from another source is aborted only when older than this (a younger one may be another writer's
     * live upload).
     */
    public long getStaleUploadAge() {
        return staleUploadAge;
    }

    /**
     * abortStaleUploads: multipart uploads initiated longer ago than this are aborted. putObject: an unfinished upload
     * of the same key from another source is aborted only when older than this (a younger one may be another writer's
     * live upload).
     */
    public void setStaleUploadAge(long staleUploadAge) {
        this.staleUploadAge = staleUploadAge;
    }

    /**
     * getObject and the consumer download into this directory (the key becomes a relative path inside it; keys that
     * would escape it or collide are rejected, and no symbolic link is followed out of it), resumably, and the body is
     * the File.
     */
    public String getDestinationDirectory() {
        return destinationDirectory;
    }

    /**
     * getObject and the consumer download into this directory (the key becomes a relative path inside it; keys that
     * would escape it or collide are rejected, and no symbolic link is followed out of it), resumably, and the body is
     * the File.
     */
    public void setDestinationDirectory(String destinationDirectory) {
        this.destinationDirectory = destinationDirectory;
    }

    /**
     * Downloads (getObject, consumer bodies) check the bytes against the object's checksum. WHEN_AVAILABLE: a
     * full-object checksum the store reports (x-amz-checksum-mode; AWS S3 does, S3Proxy and Ceph RGW 16 do not).
     * ALWAYS: that, else the ETag of a single-part object as MD5, else fail (multipart objects without a full-object
     * checksum; SSE-KMS/SSE-C objects on AWS, whose ETag is not an MD5). NEVER: none (length, range and ETag are still
     * checked).
     */
    public DownloadChecksumValidation getDownloadChecksumValidation() {
        return downloadChecksumValidation;
    }

    /**
     * Downloads (getObject, consumer bodies) check the bytes against the object's checksum. WHEN_AVAILABLE: a
     * full-object checksum the store reports (x-amz-checksum-mode; AWS S3 does, S3Proxy and Ceph RGW 16 do not).
     * ALWAYS: that, else the ETag of a single-part object as MD5, else fail (multipart objects without a full-object
     * checksum; SSE-KMS/SSE-C objects on AWS, whose ETag is not an MD5). NEVER: none (length, range and ETag are still
     * checked).
     */
    public void setDownloadChecksumValidation(DownloadChecksumValidation downloadChecksumValidation) {
        this.downloadChecksumValidation = downloadChecksumValidation;
    }

    /**
     * Downloads to a file (getObject with CamelS3LiteDestinationFile or destinationDirectory, the consumer with
     * destinationDirectory) of objects larger than downloadPartSize fetch this many ranges in parallel (1 to 64, at
     * most maxConnections); 1: one GET per object.
     */
    public int getDownloadConcurrency() {
        return downloadConcurrency;
    }

    /**
     * Downloads to a file (getObject with CamelS3LiteDestinationFile or destinationDirectory, the consumer with
     * destinationDirectory) of objects larger than downloadPartSize fetch this many ranges in parallel (1 to 64, at
     * most maxConnections); 1: one GET per object.
     */
    public void setDownloadConcurrency(int downloadConcurrency) {
        this.downloadConcurrency = downloadConcurrency;
    }

    /**
     * Range size of parallel downloads to a file: bytes or a size such as 16MB (1MB to 5GB); objects larger than this
     * are fetched in ranges when downloadConcurrency is above 1.
     */
    public long getDownloadPartSize() {
        return downloadPartSize;
    }

    /**
     * Range size of parallel downloads to a file: bytes or a size such as 16MB (1MB to 5GB); objects larger than this
     * are fetched in ranges when downloadConcurrency is above 1.
     */
    public void setDownloadPartSize(long downloadPartSize) {
        this.downloadPartSize = downloadPartSize;
    }

    /** How downloads to a file are split ({@link #validate()} has checked the values). */
    public Parallelism downloadParallelism() {
        return new Parallelism(downloadConcurrency, downloadPartSize);
    }

    /** Content-Type to store when no header gives one (skips detection). */
    public String getContentType() {
        return contentType;
    }

    /** Content-Type to store when no header gives one (skips detection). */
    public void setContentType(String contentType) {
        this.contentType = contentType;
    }

    /** Detect the Content-Type from the key/file extension and the first bytes (magic numbers). */
    public boolean isContentTypeDetection() {
        return contentTypeDetection;
    }

    /** Detect the Content-Type from the key/file extension and the first bytes (magic numbers). */
    public void setContentTypeDetection(boolean contentTypeDetection) {
        this.contentTypeDetection = contentTypeDetection;
    }

    /** Custom Content-Type detector. */
    public ContentTypeResolver getContentTypeResolver() {
        return contentTypeResolver;
    }

    /** Custom Content-Type detector. */
    public void setContentTypeResolver(ContentTypeResolver contentTypeResolver) {
        this.contentTypeResolver = contentTypeResolver;
    }

    /** Content-Encoding to store, e.g. gzip. */
    public String getContentEncoding() {
        return contentEncoding;
    }

    /** Content-Encoding to store, e.g. gzip. */
    public void setContentEncoding(String contentEncoding) {
        this.contentEncoding = contentEncoding;
    }

    /** Cache-Control to store. */
    public String getCacheControl() {
        return cacheControl;
    }

    /** Cache-Control to store. */
    public void setCacheControl(String cacheControl) {
        this.cacheControl = cacheControl;
    }

    /** Content-Disposition to store. */
    public String getContentDisposition() {
        return contentDisposition;
    }

    /** Content-Disposition to store. */
    public void setContentDisposition(String contentDisposition) {
        this.contentDisposition = contentDisposition;
    }

    /**
     * User metadata for every upload, as metadata.NAME=VALUE options such as metadata.owner=team-a; a value with
     * ${...} is a Simple expression evaluated per exchange, e.g. metadata.source=${header.CamelFileName}.
     */
    public Map<String, String> getMetadata() {
        return metadata;
    }

    /**
     * User metadata for every upload, as metadata.NAME=VALUE options such as metadata.owner=team-a; a value with
     * ${...} is a Simple expression evaluated per exchange, e.g. metadata.source=${header.CamelFileName}.
     */
    public void setMetadata(Map<String, String> metadata) {
        this.metadata = metadata == null ? new LinkedHashMap<>() : new LinkedHashMap<>(metadata);
    }

    /** Add route id, exchange id, breadcrumb id and the source file's name and last-modified to the metadata. */
    public boolean isIncludeExchangeMetadata() {
        return includeExchangeMetadata;
    }

    /** Add route id, exchange id, breadcrumb id and the source file's name and last-modified to the metadata. */
    public void setIncludeExchangeMetadata(boolean includeExchangeMetadata) {
        this.includeExchangeMetadata = includeExchangeMetadata;
    }

    /**
     * Comma-separated names of environment variables or system properties whose values are added to the metadata (name
     * lower-cased, '_' and '.' as '-'), plus the host name and the application name when set.
     */
    public String getMetadataEnvironment() {
        return metadataEnvironment;
    }

    /**
     * Comma-separated names of environment variables or system properties whose values are added to the metadata (name
     * lower-cased, '_' and '.' as '-'), plus the host name and the application name when set.
     */
    public void setMetadataEnvironment(String metadataEnvironment) {
        this.metadataEnvironment = metadataEnvironment;
    }

    /** Application name added to metadata as 'application' when metadataEnvironment is used. */
    public String getApplicationName() {
        return applicationName;
    }

    /** Application name added to metadata as 'application' when metadataEnvironment is used. */
    public void setApplicationName(String applicationName) {
        this.applicationName = applicationName;
    }

    /** Only objects whose key starts with this prefix. */
    public String getPrefix() {
        return prefix;
    }

    /** Only objects whose key starts with this prefix. */
    public void setPrefix(String prefix) {
        this.prefix = prefix;
    }

    /** Delimiter for listing (e.g. '/': do not descend into 'folders'). */
    public String getDelimiter() {
        return delimiter;
    }

    /** Delimiter for listing (e.g. '/': do not descend into 'folders'). */
    public void setDelimiter(String delimiter) {
        this.delimiter = delimiter;
    }

    /** The most objects delivered per poll (0 = no limit). */
    public int getMaxMessagesPerPoll() {
        return maxMessagesPerPoll;
    }

    /** The most objects delivered per poll (0 = no limit). */
    public void setMaxMessagesPerPoll(int maxMessagesPerPoll) {
        this.maxMessagesPerPoll = maxMessagesPerPoll;
    }

    /** Also deliver 'folder' placeholder keys ending in '/'. */
    public boolean isIncludeFolders() {
        return includeFolders;
    }

    /** Also deliver 'folder' placeholder keys ending in '/'. */
    public void setIncludeFolders(boolean includeFolders) {
        this.includeFolders = includeFolders;
    }

    /** Deliver the content as a lazily opened InputStream; false delivers only the headers. */
    public boolean isIncludeBody() {
        return includeBody;
    }

    /** Deliver the content as a lazily opened InputStream; false delivers only the headers. */
    public void setIncludeBody(boolean includeBody) {
        this.includeBody = includeBody;
    }

    /** Delete each object after its exchange succeeded. */
    public boolean isDeleteAfterRead() {
        return deleteAfterRead;
    }

    /** Delete each object after its exchange succeeded. */
    public void setDeleteAfterRead(boolean deleteAfterRead) {
        this.deleteAfterRead = deleteAfterRead;
    }

    /** Move each object after its exchange succeeded: copy to destinationBucket/destinationPrefix, verify, delete. */
    public boolean isMoveAfterRead() {
        return moveAfterRead;
    }

    /** Move each object after its exchange succeeded: copy to destinationBucket/destinationPrefix, verify, delete. */
    public void setMoveAfterRead(boolean moveAfterRead) {
        this.moveAfterRead = moveAfterRead;
    }

    /** moveAfterRead: target bucket (default: the same bucket). */
    public String getDestinationBucket() {
        return destinationBucket;
    }

    /** moveAfterRead: target bucket (default: the same bucket). */
    public void setDestinationBucket(String destinationBucket) {
        this.destinationBucket = destinationBucket;
    }

    /** moveAfterRead: prefix put before the key. */
    public String getDestinationPrefix() {
        return destinationPrefix;
    }

    /** moveAfterRead: prefix put before the key. */
    public void setDestinationPrefix(String destinationPrefix) {
        this.destinationPrefix = destinationPrefix;
    }

    /**
     * Competing consumers on a shared idempotentRepository: claims become leases. An object claimed by a node that
     * died before its exchange completed is delivered again by another node after 1 to 2 times claimTimeout. Must
     * exceed the longest processing time of one object. 0: a claim is the done mark itself and never expires.
     */
    public long getClaimTimeout() {
        return claimTimeout;
    }

    /**
     * Competing consumers on a shared idempotentRepository: claims become leases. An object claimed by a node that
     * died before its exchange completed is delivered again by another node after 1 to 2 times claimTimeout. Must
     * exceed the longest processing time of one object. 0: a claim is the done mark itself and never expires.
     */
    public void setClaimTimeout(long claimTimeout) {
        this.claimTimeout = claimTimeout;
    }

    /**
     * Remembers delivered objects (bucket, key and ETag) so each is processed once, also across restarts and nodes
     * when persistent/shared. Default: in memory.
     */
    public IdempotentRepository getIdempotentRepository() {
        return idempotentRepository;
    }

    /**
     * Remembers delivered objects (bucket, key and ETag) so each is processed once, also across restarts and nodes
     * when persistent/shared. Default: in memory.
     */
    public void setIdempotentRepository(IdempotentRepository idempotentRepository) {
        this.idempotentRepository = idempotentRepository;
    }

    /**
     * HTTP proxy host for S3 and STS requests (https targets are tunnelled with CONNECT). The EC2 instance metadata
     * and container credential endpoints are always reached directly.
     */
    public String getProxyHost() {
        return proxyHost;
    }

    /**
     * HTTP proxy host for S3 and STS requests (https targets are tunnelled with CONNECT). The EC2 instance metadata
     * and container credential endpoints are always reached directly.
     */
    public void setProxyHost(String proxyHost) {
        this.proxyHost = proxyHost;
    }

    /** HTTP proxy port (required with proxyHost), such as 3128. */
    public Integer getProxyPort() {
        return proxyPort;
    }

    /** HTTP proxy port (required with proxyHost), such as 3128. */
    public void setProxyPort(Integer proxyPort) {
        this.proxyPort = proxyPort;
    }

    /** How to talk to the proxy: http, or https for TLS to the proxy itself (verified like the endpoint). */
    public String getProxyProtocol() {
        return proxyProtocol;
    }

    /** How to talk to the proxy: http, or https for TLS to the proxy itself (verified like the endpoint). */
    public void setProxyProtocol(String proxyProtocol) {
        this.proxyProtocol = proxyProtocol;
    }

    /** User name for the proxy's Basic authentication (sent after its first 407 challenge). */
    public String getProxyUsername() {
        return proxyUsername;
    }

    /** User name for the proxy's Basic authentication (sent after its first 407 challenge). */
    public void setProxyUsername(String proxyUsername) {
        this.proxyUsername = proxyUsername;
    }

    /** Password for the proxy's Basic authentication. */
    public String getProxyPassword() {
        return proxyPassword;
    }

    /** Password for the proxy's Basic authentication. */
    public void setProxyPassword(String proxyPassword) {
        this.proxyPassword = proxyPassword;
    }

    /**
     * Hosts reached without the proxy, comma-separated (the JVM's bar-separated form works too): example.com matches
     * it and its subdomains, .example.com its subdomains, 10.0.0.0/8 IP literals in that range, and a lone asterisk
     * every host.
     */
    public String getNonProxyHosts() {
        return nonProxyHosts;
    }

    /**
     * Hosts reached without the proxy, comma-separated (the JVM's bar-separated form works too): example.com matches
     * it and its subdomains, .example.com its subdomains, 10.0.0.0/8 IP literals in that range, and a lone asterisk
     * every host.
     */
    public void setNonProxyHosts(String nonProxyHosts) {
        this.nonProxyHosts = nonProxyHosts;
    }

    /**
     * Use the system's proxy settings instead of proxyHost: the JVM properties https.proxyHost/https.proxyPort (https
     * endpoints) and http.proxyHost/http.proxyPort (http endpoints) with http.nonProxyHosts, else the environment
     * HTTPS_PROXY/HTTP_PROXY (credentials may be in the URL) with NO_PROXY. Loopback stays direct.
     */
    public boolean isUseSystemProxy() {
        return useSystemProxy;
    }

    /**
     * Use the system's proxy settings instead of proxyHost: the JVM properties https.proxyHost/https.proxyPort (https
     * endpoints) and http.proxyHost/http.proxyPort (http endpoints) with http.nonProxyHosts, else the environment
     * HTTPS_PROXY/HTTP_PROXY (credentials may be in the URL) with NO_PROXY. Loopback stays direct.
     */
    public void setUseSystemProxy(boolean useSystemProxy) {
        this.useSystemProxy = useSystemProxy;
    }

    /**
     * Camel's TLS configuration (trust store for a private CA, key store for client certificates, protocols, cipher
     * suites) for S3 and STS connections; host names are always verified. Default: the JVM's trust store.
     */
    public org.apache.camel.support.jsse.SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    /**
     * Camel's TLS configuration (trust store for a private CA, key store for client certificates, protocols, cipher
     * suites) for S3 and STS connections; host names are always verified. Default: the JVM's trust store.
     */
    public void setSslContextParameters(org.apache.camel.support.jsse.SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    /**
     * Server-side encryption of new objects (PUT, CreateMultipartUpload, copies): AES256 (SSE-S3), aws:kms (SSE-KMS)
     * or aws:kms:dsse (dual-layer SSE-KMS). Default: none sent, the bucket's default applies. For customer-provided
     * keys use sseCustomerKey.
     */
    public String getServerSideEncryption() {
        return serverSideEncryption;
    }

    /**
     * Server-side encryption of new objects (PUT, CreateMultipartUpload, copies): AES256 (SSE-S3), aws:kms (SSE-KMS)
     * or aws:kms:dsse (dual-layer SSE-KMS). Default: none sent, the bucket's default applies. For customer-provided
     * keys use sseCustomerKey.
     */
    public void setServerSideEncryption(String serverSideEncryption) {
        this.serverSideEncryption = serverSideEncryption;
    }

    /**
     * SSE-KMS: the KMS key (id, ARN or alias ARN) new objects are encrypted with. Default: the account's aws/s3 key.
     */
    public String getKmsKeyId() {
        return kmsKeyId;
    }

    /**
     * SSE-KMS: the KMS key (id, ARN or alias ARN) new objects are encrypted with. Default: the account's aws/s3 key.
     */
    public void setKmsKeyId(String kmsKeyId) {
        this.kmsKeyId = kmsKeyId;
    }

    /**
     * SSE-KMS: the encryption context, as a JSON object such as {"project":"billing"} (sent base64-encoded) or its
     * base64 text.
     */
    public String getKmsEncryptionContext() {
        return kmsEncryptionContext;
    }

    /**
     * SSE-KMS: the encryption context, as a JSON object such as {"project":"billing"} (sent base64-encoded) or its
     * base64 text.
     */
    public void setKmsEncryptionContext(String kmsEncryptionContext) {
        this.kmsEncryptionContext = kmsEncryptionContext;
    }

    /** SSE-KMS: use an S3 Bucket Key for new objects (fewer KMS requests). */
    public boolean isBucketKeyEnabled() {
        return bucketKeyEnabled;
    }

    /** SSE-KMS: use an S3 Bucket Key for new objects (fewer KMS requests). */
    public void setBucketKeyEnabled(boolean bucketKeyEnabled) {
        this.bucketKeyEnabled = bucketKeyEnabled;
    }

    /**
     * SSE-C: the base64 text of a 256-bit key (such as 'openssl rand -base64 32'). Objects are written with it (PUT,
     * CreateMultipartUpload, every UploadPart, CompleteMultipartUpload, copies) and read with it (getObject,
     * headObject, downloads, the consumer); the algorithm (AES256) and the key's MD5 are computed. Refused over plain
     * http unless sseCustomerKeyOverHttp is true.
     */
    public String getSseCustomerKey() {
        return sseCustomerKey;
    }

    /**
     * SSE-C: the base64 text of a 256-bit key (such as 'openssl rand -base64 32'). Objects are written with it (PUT,
     * CreateMultipartUpload, every UploadPart, CompleteMultipartUpload, copies) and read with it (getObject,
     * headObject, downloads, the consumer); the algorithm (AES256) and the key's MD5 are computed. Refused over plain
     * http unless sseCustomerKeyOverHttp is true.
     */
    public void setSseCustomerKey(String sseCustomerKey) {
        this.sseCustomerKey = sseCustomerKey;
    }

    /**
     * Allow sseCustomerKey over a plain http endpoint (the key then travels in clear text): only on a trusted network,
     * such as a store on the same host. AWS S3 refuses SSE-C over http anyway.
     */
    public boolean isSseCustomerKeyOverHttp() {
        return sseCustomerKeyOverHttp;
    }

    /**
     * Allow sseCustomerKey over a plain http endpoint (the key then travels in clear text): only on a trusted network,
     * such as a store on the same host. AWS S3 refuses SSE-C over http anyway.
     */
    public void setSseCustomerKeyOverHttp(boolean sseCustomerKeyOverHttp) {
        this.sseCustomerKeyOverHttp = sseCustomerKeyOverHttp;
    }

    /**
     * Storage class of new objects, such as STANDARD, STANDARD_IA, ONEZONE_IA, INTELLIGENT_TIERING, GLACIER_IR,
     * GLACIER, DEEP_ARCHIVE, REDUCED_REDUNDANCY (Ceph RGW: a storage class of the placement target). Default: none
     * sent (STANDARD).
     */
    public String getStorageClass() {
        return storageClass;
    }

    /**
     * Storage class of new objects, such as STANDARD, STANDARD_IA, ONEZONE_IA, INTELLIGENT_TIERING, GLACIER_IR,
     * GLACIER, DEEP_ARCHIVE, REDUCED_REDUNDANCY (Ceph RGW: a storage class of the placement target). Default: none
     * sent (STANDARD).
     */
    public void setStorageClass(String storageClass) {
        this.storageClass = storageClass;
    }

    /**
     * Canned ACL of new objects (x-amz-acl). Buckets with Object Ownership 'bucket owner enforced' (the AWS default
     * since 2023) refuse every ACL but bucket-owner-full-control.
     */
    public String getCannedAcl() {
        return cannedAcl;
    }

    /**
     * Canned ACL of new objects (x-amz-acl). Buckets with Object Ownership 'bucket owner enforced' (the AWS default
     * since 2023) refuse every ACL but bucket-owner-full-control.
     */
    public void setCannedAcl(String cannedAcl) {
        this.cannedAcl = cannedAcl;
    }

    /**
     * Object tags for every upload, as tagging.NAME=VALUE options such as tagging.project=billing (at most 10; sent as
     * x-amz-tagging). A copy with tags replaces the source's.
     */
    public Map<String, String> getTagging() {
        return tagging;
    }

    /**
     * Object tags for every upload, as tagging.NAME=VALUE options such as tagging.project=billing (at most 10; sent as
     * x-amz-tagging). A copy with tags replaces the source's.
     */
    public void setTagging(Map<String, String> tagging) {
        this.tagging = tagging == null ? new LinkedHashMap<>() : new LinkedHashMap<>(tagging);
    }

    /**
     * Object Lock retention mode of new objects (the bucket must have Object Lock enabled); needs
     * objectLockRetainUntil.
     */
    public String getObjectLockMode() {
        return objectLockMode;
    }

    /**
     * Object Lock retention mode of new objects (the bucket must have Object Lock enabled); needs
     * objectLockRetainUntil.
     */
    public void setObjectLockMode(String objectLockMode) {
        this.objectLockMode = objectLockMode;
    }

    /**
     * Object Lock: retain new objects until this instant (ISO-8601, such as 2027-01-31T00:00:00Z) or for this long
     * from the upload (a duration such as 30d or P30D).
     */
    public String getObjectLockRetainUntil() {
        return objectLockRetainUntil;
    }

    /**
     * Object Lock: retain new objects until this instant (ISO-8601, such as 2027-01-31T00:00:00Z) or for this long
     * from the upload (a duration such as 30d or P30D).
     */
    public void setObjectLockRetainUntil(String objectLockRetainUntil) {
        this.objectLockRetainUntil = objectLockRetainUntil;
    }

    /** Object Lock: put a legal hold on new objects. */
    public boolean isObjectLockLegalHold() {
        return objectLockLegalHold;
    }

    /** Object Lock: put a legal hold on new objects. */
    public void setObjectLockLegalHold(boolean objectLockLegalHold) {
        this.objectLockLegalHold = objectLockLegalHold;
    }

    /**
     * The AWS account id (12 digits) the buckets must belong to: sent as x-amz-expected-bucket-owner on every request
     * to a bucket (and x-amz-source-expected-bucket-owner for a copy's source), so a bucket that changed hands is
     * refused with 403 instead of receiving data.
     */
    public String getExpectedBucketOwner() {
        return expectedBucketOwner;
    }

    /**
     * The AWS account id (12 digits) the buckets must belong to: sent as x-amz-expected-bucket-owner on every request
     * to a bucket (and x-amz-source-expected-bucket-owner for a copy's source), so a bucket that changed hands is
     * refused with 403 instead of receiving data.
     */
    public void setExpectedBucketOwner(String expectedBucketOwner) {
        this.expectedBucketOwner = expectedBucketOwner;
    }

    /**
     * Requester-pays buckets: send x-amz-request-payer: requester on every object and listing request (you pay for the
     * requests and transfer).
     */
    public boolean isRequestPayer() {
        return requestPayer;
    }

    /**
     * Requester-pays buckets: send x-amz-request-payer: requester on every object and listing request (you pay for the
     * requests and transfer).
     */
    public void setRequestPayer(boolean requestPayer) {
        this.requestPayer = requestPayer;
    }
}

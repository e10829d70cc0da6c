package io.github.s3lite;

/** The producer operations, chosen by the {@code operation} option or the {@code CamelS3LiteOperation} header. */
public enum S3LiteOperations {
    putObject,
    getObject,
    headObject,
    deleteObject,
    deleteObjects,
    listObjects,
    copyObject,
    createDownloadLink,
    createUploadLink,
    headBucket,
    listMultipartUploads,
    abortMultipartUpload,
    abortStaleUploads
}

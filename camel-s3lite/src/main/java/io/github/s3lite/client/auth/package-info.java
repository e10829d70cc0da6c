/**
 * AWS Signature Version 4 for S3: credentials, URI encoding and the signer. JDK only; nothing here imports Camel.
 */
package io.github.s3lite.client.auth;

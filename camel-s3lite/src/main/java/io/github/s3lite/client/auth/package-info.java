/**
 * AWS Signature Version 4 for S3 and where credentials come from: static keys, the default chain
 * ({@link io.github.s3lite.client.auth.AwsCredentialsChain}: environment, web identity, shared credentials file,
 * container, EC2 IMDSv2), STS assume-role, and a cache that refreshes temporary credentials before they expire.
 * JDK only; nothing here imports Camel.
 */
package io.github.s3lite.client.auth;

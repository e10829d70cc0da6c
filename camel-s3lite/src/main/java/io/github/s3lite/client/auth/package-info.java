/**
 * AWS Signature Version 4 for S3 and where credentials come from: static keys, the default chain
 * ({@link io.github.s3lite.client.auth.AwsCredentialsChain}: system properties, environment, web identity, the
 * profile of the shared config and credentials files, container, EC2 IMDSv2), profiles by the AWS CLI's rules
 * ({@link io.github.s3lite.client.auth.ProfileCredentialsProvider}: roles, credential_process), STS assume-role, and a cache that refreshes temporary credentials before they expire.
 * JDK only; nothing here imports Camel.
 */
package io.github.s3lite.client.auth;

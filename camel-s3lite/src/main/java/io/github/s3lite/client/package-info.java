/**
 * A small S3 client: SigV4 over Apache HttpClient 5. Nothing in this package or below imports Camel.
 */
package io.github.s3lite.client;

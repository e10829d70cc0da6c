/**
 * Content-Type detection ({@link io.github.s3lite.content.ContentTypeResolver}), stream head peeking
 * ({@link io.github.s3lite.content.HeadPeek}) and S3 user-metadata wire rules
 * ({@link io.github.s3lite.content.UserMetadata}). JDK only: nothing in this package imports Camel.
 */
package io.github.s3lite.content;

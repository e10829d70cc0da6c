package io.github.s3lite.content;

/**
 * Decides the MIME type of an object from its name and the first bytes of its content.
 * Pluggable: users supply their own as a bean.
 */
@FunctionalInterface
public interface ContentTypeResolver {

    /** How many leading bytes callers should offer to {@link #resolve(String, byte[])}. */
    int HEAD_SIZE = 8192;

    /**
     * @param name file name or object key (may be null, may have no extension)
     * @param head the first bytes of the content (0..HEAD_SIZE bytes; may be empty when unknown)
     * @return a MIME type, or null when it cannot tell
     */
    String resolve(String name, byte[] head);
}

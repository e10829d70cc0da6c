package io.github.s3lite.client;

/** Optional GET headers: {@code range} as {@code bytes=0-99}, conditional {@code ifMatch} / {@code ifNoneMatch}. */
public record GetOptions(String range, String ifMatch, String ifNoneMatch) {
    public static final GetOptions NONE = new GetOptions(null, null, null);
}

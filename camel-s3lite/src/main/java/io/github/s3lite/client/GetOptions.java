package io.github.s3lite.client;

/**
 * Optional GET/HEAD headers: {@code range} as {@code bytes=0-99}, conditional {@code ifMatch} / {@code ifNoneMatch},
 * and {@code checksumMode} ({@code x-amz-checksum-mode: ENABLED}: ask the store for the object's stored checksum).
 */
public record GetOptions(String range, String ifMatch, String ifNoneMatch, boolean checksumMode) {
    public static final GetOptions NONE = new GetOptions(null, null, null);

    public GetOptions(String range, String ifMatch, String ifNoneMatch) {
        this(range, ifMatch, ifNoneMatch, false);
    }
}

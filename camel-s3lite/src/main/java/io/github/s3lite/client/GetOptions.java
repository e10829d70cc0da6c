package io.github.s3lite.client;

/**
 * Optional GET/HEAD headers: {@code range} as {@code bytes=0-99}, conditional {@code ifMatch} / {@code ifNoneMatch},
 * {@code checksumMode} ({@code x-amz-checksum-mode: ENABLED}: ask the store for the object's stored checksum) and
 * {@code versionId} (the {@code versionId} query parameter: that version of a versioned bucket's object).
 */
public record GetOptions(String range, String ifMatch, String ifNoneMatch, boolean checksumMode, String versionId) {
    public static final GetOptions NONE = new GetOptions(null, null, null);

    public GetOptions(String range, String ifMatch, String ifNoneMatch) {
        this(range, ifMatch, ifNoneMatch, false);
    }

    public GetOptions(String range, String ifMatch, String ifNoneMatch, boolean checksumMode) {
        this(range, ifMatch, ifNoneMatch, checksumMode, null);
    }

    public GetOptions withVersionId(String value) {
        return new GetOptions(range, ifMatch, ifNoneMatch, checksumMode, value);
    }
}

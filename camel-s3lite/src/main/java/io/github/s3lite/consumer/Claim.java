package io.github.s3lite.consumer;

/**
 * An object version a consumer intends to process: its done key ({@code bucket/key@etag}) and the repository key
 * it holds for it ({@code held}: the done key itself, a lease key, or null while nothing is taken yet).
 */
public record Claim(String doneKey, String held) {

    /** The same object version, now holding {@code key}. */
    public Claim holding(String key) {
        return new Claim(doneKey, key);
    }
}

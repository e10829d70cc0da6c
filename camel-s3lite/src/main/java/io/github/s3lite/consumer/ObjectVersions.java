package io.github.s3lite.consumer;

/** The identity of an object version in the idempotent repository: {@code bucket/key@etag}. */
public final class ObjectVersions {

    private ObjectVersions() {
    }

    /** The done key of an object version: {@code bucket/key@etag} (ETag without quotes). */
    public static String doneKey(String bucket, String key, String eTag) {
        return bucket + "/" + key + "@" + unquote(eTag);
    }

    /** An ETag without quotes and weak prefix; "" for null. */
    public static String unquote(String eTag) {
        if (eTag == null) {
            return "";
        }
        String e = eTag.trim();
        if (e.startsWith("W/")) {
            e = e.substring(2);
        }
        return e.replace("\"", "");
    }
}

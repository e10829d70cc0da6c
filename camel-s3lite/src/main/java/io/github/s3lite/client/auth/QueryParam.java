package io.github.s3lite.client.auth;

/**
 * One query parameter, NOT encoded (raw name and value). A parameter without value (e.g. {@code ?lifecycle}) has value
 * "" (null is stored as ""); it is canonicalized as {@code lifecycle=}.
 */
public record QueryParam(String name, String value) {

    public QueryParam {
        if (name == null) {
            throw new NullPointerException("query parameter name");
        }
        if (value == null) {
            value = "";
        }
    }
}

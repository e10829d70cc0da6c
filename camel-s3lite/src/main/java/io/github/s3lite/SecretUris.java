package io.github.s3lite;

import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.camel.util.URISupport;

/**
 * Masks the values of every secret option of this component in an endpoint URI. Camel's
 * {@link URISupport#sanitizeUri(String)} masks only the names in {@code org.apache.camel.util.SensitiveUtils}
 * (accessKey, secretKey, sessionToken, proxyUsername, proxyPassword), not sseCustomerKey or roleExternalId; the names
 * here come from the generated {@link S3LiteEndpointUriFactory} ({@code secret = true} in {@link S3LiteConfiguration}),
 * so a new secret option is masked without editing this class. Values in {@code RAW(...)} or {@code RAW{...}} are
 * masked whole.
 */
final class SecretUris {

    static final String MASK = "xxxxxx";

    private static final Pattern SECRET_VALUES = Pattern.compile(
            "([?&](?:" + new S3LiteEndpointUriFactory().secretPropertyNames().stream().map(Pattern::quote)
                    .collect(Collectors.joining("|")) + ")=)(?:RAW\\(.*?\\)(?=&|$)|RAW\\{.*?\\}(?=&|$)|[^&]*)",
            Pattern.CASE_INSENSITIVE);

    private SecretUris() {
    }

    /** The URI with the value of each secret option replaced by {@value #MASK}; null stays null. */
    static String mask(String uri) {
        if (uri == null) {
            return null;
        }
        return SECRET_VALUES.matcher(URISupport.sanitizeUri(uri)).replaceAll("$1" + MASK);
    }
}

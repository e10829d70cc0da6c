package io.github.s3lite.client.auth;

import java.util.List;
import java.util.Map;

/**
 * The intermediate values and the output of one signing, for tests and debugging. Contains no secret (the session
 * token, if any, is in the canonical request and in the output, as it is sent on the wire).
 *
 * @param canonicalRequest the canonical request that was hashed
 * @param stringToSign     the string to sign
 * @param signature        the hex signature
 * @param headers          header signing: headers to add (X-Amz-Date, X-Amz-Security-Token, Authorization); presign:
 *                         empty
 * @param query            presign: the complete query list to send; header signing: the request's query
 */
public record SigningResult(String canonicalRequest, String stringToSign, String signature,
        Map<String, String> headers, List<QueryParam> query) {
}

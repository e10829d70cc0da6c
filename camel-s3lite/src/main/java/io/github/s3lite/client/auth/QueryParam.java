package io.github.s3lite.client.auth;

public record QueryParam(String name, String value) {
}

package io.github.s3lite.springboot;

import java.util.ArrayList;
import java.util.List;

import io.github.s3lite.test.EmbeddedS3;

/** The starter properties that point the component at the embedded S3 server, for the tests' context runners. */
final class StoreProperties {
    private StoreProperties() {
    }

    /** Endpoint, path-style access and credentials of {@code s3}, then {@code more}. */
    static String[] of(EmbeddedS3 s3, String... more) {
        List<String> all = new ArrayList<>(List.of(
                "camel.component.s3lite.endpoint=" + s3.endpoint(),
                "camel.component.s3lite.path-style-access=true",
                "camel.component.s3lite.access-key=" + EmbeddedS3.ACCESS_KEY,
                "camel.component.s3lite.secret-key=" + EmbeddedS3.SECRET_KEY));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }
}

package io.github.s3lite.test;

import java.net.URI;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.s3lite.S3LiteComponent;
import io.github.s3lite.client.S3LiteClient;
import io.github.s3lite.client.S3ClientConfig;
import io.github.s3lite.client.auth.Credentials;
import io.github.s3lite.client.auth.CredentialsProvider;

/**
 * A real S3 server the tests run against: the embedded S3Proxy ({@link EmbeddedS3}, always there) or Ceph RGW
 * ({@link CephRgw}, when {@code .ci/ceph-rgw.sh start} has run). It gives clients, fresh buckets and a
 * preconfigured {@code s3lite} component. Test classes pick one with {@link OnStore}; without it, S3Proxy.
 */
public interface S3Store {

    /** Which store; {@link OnStore} names one. */
    enum Kind {
        S3PROXY, RGW
    }

    Kind kind();

    URI endpoint();

    /** The region to sign with (and to send as LocationConstraint when it is not us-east-1). */
    String region();

    Credentials credentials();

    default S3ClientConfig clientConfig() {
        return S3ClientConfig.of(endpoint(), region(), true, CredentialsProvider.of(credentials()));
    }

    default S3LiteClient newClient() {
        return new S3LiteClient(clientConfig());
    }

    /** Creates a bucket with a unique name starting with {@code prefix}. */
    default String newBucket(String prefix) {
        String name = Buckets.uniqueName(prefix);
        try (S3LiteClient c = newClient()) {
            c.createBucket(name);
        }
        return name;
    }

    /** A component with this store's region and credentials, path-style, sending to {@code endpoint}. */
    default S3LiteComponent newComponent(String endpoint) {
        S3LiteComponent component = new S3LiteComponent();
        component.getConfiguration().setEndpoint(endpoint);
        component.getConfiguration().setRegion(region());
        component.getConfiguration().setPathStyleAccess(true);
        component.getConfiguration().setAccessKey(credentials().accessKeyId());
        component.getConfiguration().setSecretKey(credentials().secretAccessKey());
        return component;
    }

    /** A component sending straight to this store. */
    default S3LiteComponent newComponent() {
        return newComponent(endpoint().toString());
    }

    /** The store of this kind; for RGW, fails or skips as {@link CephRgw#get()} says. */
    static S3Store of(Kind kind) {
        return kind == Kind.RGW ? CephRgw.get() : EmbeddedS3.get();
    }

    /** The store a test class asked for with {@link OnStore} (on it or a superclass); S3Proxy without one. */
    static S3Store forTestClass(Class<?> testClass) {
        OnStore on = testClass.getAnnotation(OnStore.class);
        return of(on == null ? Kind.S3PROXY : on.value());
    }

    /** Unique bucket names (a store such as RGW keeps buckets across runs, so names carry a random part). */
    final class Buckets {
        private static final AtomicInteger COUNT = new AtomicInteger();

        private Buckets() {
        }

        static String uniqueName(String prefix) {
            String name = prefix.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-") + "-" + COUNT.incrementAndGet()
                    + "-" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffffL);
            if (name.length() > 63) {
                name = name.substring(name.length() - 63).replaceAll("^-+", "b");
            }
            return name;
        }
    }
}

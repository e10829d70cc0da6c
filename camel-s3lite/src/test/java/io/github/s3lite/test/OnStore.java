package io.github.s3lite.test;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class against this store ({@link S3LiteTestSupport#store()}, {@link S3Store#forTestClass}). For
 * {@link S3Store.Kind#RGW} the class is skipped, with the reason, when no RGW is running, except in CI
 * ({@code CI=true}), where that fails the class: see {@link CephRgw}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Inherited
@ExtendWith(StoreCondition.class)
public @interface OnStore {
    S3Store.Kind value();
}

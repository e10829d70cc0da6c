package io.github.s3lite.test;

import java.util.Optional;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Skips (or in CI fails) an {@link OnStore} class whose store is not running. */
final class StoreCondition implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Optional<OnStore> on = context.getTestClass().map(c -> c.getAnnotation(OnStore.class));
        if (on.isEmpty() || on.get().value() != S3Store.Kind.RGW) {
            return ConditionEvaluationResult.enabled("store always available");
        }
        Optional<String> missing = CephRgw.whyUnavailable();
        if (missing.isEmpty()) {
            return ConditionEvaluationResult.enabled("Ceph RGW is running");
        }
        if (CephRgw.required()) {
            throw new IllegalStateException(missing.get() + " (CI=true: RGW tests must run, not be skipped)");
        }
        return ConditionEvaluationResult.disabled(missing.get());
    }
}

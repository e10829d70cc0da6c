package io.github.s3lite.springboot;

import java.util.Map;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.ApplicationContext;

/** Spring Boot 3's health API for the tests (src/test/boot4 has the same class for Boot 4's moved packages). */
public final class BootHealth {

    /** What a test checks of a Health: its status code, its details and its text. */
    public record View(String status, Map<String, Object> details, String text) {
    }

    /** {@code AutoConfigurations.of(...)} in the tests: the health indicator's auto-configuration of this line. */
    public static final Class<?> AUTO_CONFIGURATION = S3LiteHealthIndicatorAutoConfiguration.class;

    private BootHealth() {
    }

    /** Calls the bean {@code s3liteHealthIndicator}. */
    public static View indicator(ApplicationContext ctx) {
        return view(ctx.getBean("s3liteHealthIndicator", HealthIndicator.class).health());
    }

    /** What /actuator/health/{path} shows. */
    public static View endpoint(ApplicationContext ctx, String path) {
        return view((Health) ctx.getBean(HealthEndpoint.class).healthForPath(path));
    }

    private static View view(Health h) {
        return new View(h.getStatus().getCode(), h.getDetails(), h.toString());
    }
}

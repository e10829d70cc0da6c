package io.github.s3lite.springboot;

import java.util.Map;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.actuate.endpoint.IndicatedHealthDescriptor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.ApplicationContext;

/** Spring Boot 4's health API (moved from org.springframework.boot.actuate.health) for the tests; src/test/boot3 has the same class for Boot 3. */
public final class BootHealth {

    /** What a test checks of a Health: its status code, its details and its text. */
    public record View(String status, Map<String, Object> details, String text) {
    }

    /** {@code AutoConfigurations.of(...)} in the tests: the health indicator's auto-configuration of this line. */
    public static final Class<?> AUTO_CONFIGURATION = S3LiteBoot4HealthIndicatorAutoConfiguration.class;

    private BootHealth() {
    }

    /** Calls the bean {@code s3liteHealthIndicator}. */
    public static View indicator(ApplicationContext ctx) {
        return view(ctx.getBean("s3liteHealthIndicator", HealthIndicator.class).health());
    }

    /** What /actuator/health/{path} shows. */
    public static View endpoint(ApplicationContext ctx, String path) {
        IndicatedHealthDescriptor d = (IndicatedHealthDescriptor) ctx.getBean(HealthEndpoint.class).healthForPath(path);
        return new View(d.getStatus().getCode(), d.getDetails(), d.getStatus() + " " + d.getDetails());
    }

    private static View view(Health h) {
        return new View(h.getStatus().getCode(), h.getDetails(), h.toString());
    }
}

package io.github.s3lite.springboot;

import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.spring.boot.util.ConditionalOnCamelContextAndAutoConfigurationBeans;
import org.apache.camel.spring.boot.util.ConditionalOnHierarchicalProperties;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * Spring Boot 4: registers {@link S3LiteBoot4HealthIndicator} as bean {@code s3liteHealthIndicator} (shown as
 * {@code s3lite} in /actuator/health) when Boot 4's health API ({@code org.springframework.boot.health}, where
 * Boot 4 moved {@code org.springframework.boot.actuate.health}) is on the classpath. On Spring Boot 3 this class is
 * skipped before it is loaded ({@code META-INF/spring-autoconfigure-metadata.properties} names the class it needs) and
 * {@code S3LiteHealthIndicatorAutoConfiguration} registers the Boot 3 indicator instead.
 * <p>
 * Turned off with {@code camel.component.s3lite.health-indicator.enabled=false}.
 */
@AutoConfiguration(after = { CamelAutoConfiguration.class, S3LiteComponentAutoConfiguration.class })
@ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
@Conditional(ConditionalOnCamelContextAndAutoConfigurationBeans.class)
@ConditionalOnHierarchicalProperties({ "camel.component", "camel.component.s3lite" })
@ConditionalOnProperty(name = "camel.component.s3lite.health-indicator.enabled", havingValue = "true",
                       matchIfMissing = true)
public class S3LiteBoot4HealthIndicatorAutoConfiguration {

    /** Creates the auto-configuration (Spring calls this). */
    public S3LiteBoot4HealthIndicatorAutoConfiguration() {
    }

    /**
     * The indicator; a user bean named {@code s3liteHealthIndicator} replaces it.
     *
     * @param camelContext the context whose started {@code s3lite:} endpoints are probed
     * @return the indicator
     */
    @Bean(name = "s3liteHealthIndicator")
    @ConditionalOnMissingBean(name = "s3liteHealthIndicator")
    public HealthIndicator s3liteHealthIndicator(CamelContext camelContext) {
        return new S3LiteBoot4HealthIndicator(camelContext);
    }
}

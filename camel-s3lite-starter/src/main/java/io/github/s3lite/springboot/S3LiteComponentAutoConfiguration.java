package io.github.s3lite.springboot;

import java.util.Map;

import io.github.s3lite.S3LiteComponent;
import io.github.s3lite.S3LiteConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.apache.camel.spring.boot.ComponentConfigurationProperties;
import org.apache.camel.spring.boot.util.ConditionalOnCamelContextAndAutoConfigurationBeans;
import org.apache.camel.spring.boot.util.ConditionalOnHierarchicalProperties;
import org.apache.camel.spring.boot.util.HierarchicalPropertiesEvaluator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Lazy;

/**
 * Applies {@code camel.component.s3lite.*} to the {@code s3lite} component through a {@link ComponentCustomizer}, and
 * registers the Camel health check with id {@code s3lite}. The Spring Boot {@code HealthIndicator} named
 * {@code s3lite} (when Actuator is present) comes from {@code S3LiteHealthIndicatorAutoConfiguration} on Boot 3 and
 * {@code S3LiteBoot4HealthIndicatorAutoConfiguration} on Boot 4.
 * <p>
 * Turned off with {@code camel.component.s3lite.enabled=false} (or {@code camel.component.enabled=false}); the
 * customizer alone with {@code camel.component.s3lite.customizer.enabled=false}. A user-defined
 * {@link S3LiteComponent} bean is left as the user configured it, and a user bean named
 * {@code configureS3LiteComponent} replaces the customizer.
 */
@AutoConfiguration(after = CamelAutoConfiguration.class)
@Conditional(ConditionalOnCamelContextAndAutoConfigurationBeans.class)
@ConditionalOnHierarchicalProperties({ "camel.component", "camel.component.s3lite" })
@EnableConfigurationProperties({ ComponentConfigurationProperties.class, S3LiteComponentConfiguration.class })
@Import(S3LiteComponentConverter.class)
public class S3LiteComponentAutoConfiguration {

    @Lazy
    @Bean
    @ConditionalOnMissingBean(name = "configureS3LiteComponent")
    public ComponentCustomizer configureS3LiteComponent(ApplicationContext applicationContext, CamelContext camelContext,
            S3LiteComponentConfiguration configuration) {
        return new ComponentCustomizer() {
            @Override
            public void configure(String name, Component target) {
                apply(configuration, (S3LiteComponent) target);
            }

            @Override
            public boolean isEnabled(String name, Component target) {
                return target instanceof S3LiteComponent
                       && !isUserBean(applicationContext, name, target)
                       && HierarchicalPropertiesEvaluator.evaluate(applicationContext, "camel.component.customizer",
                               "camel.component.s3lite.customizer");
            }
        };
    }

    /** The Camel health check, registered in the context's HealthCheckRegistry before the routes start. */
    @Bean
    @ConditionalOnMissingBean
    public S3LiteHealthCheck s3liteCamelHealthCheck() {
        return new S3LiteHealthCheck();
    }

    @Bean
    public CamelContextConfiguration s3liteHealthCheckRegistration(S3LiteHealthCheck check) {
        return new CamelContextConfiguration() {
            @Override
            public void beforeApplicationStart(CamelContext camelContext) {
                HealthCheckRegistry registry = HealthCheckRegistry.get(camelContext);
                if (registry != null && registry.getCheck(check.getId()).isEmpty()) {
                    check.setCamelContext(camelContext);
                    registry.register(check);
                }
            }

            @Override
            public void afterApplicationStart(CamelContext camelContext) {
                // nothing
            }
        };
    }

    private static boolean isUserBean(ApplicationContext applicationContext, String name, Component target) {
        if (!applicationContext.containsBean(name)) {
            return false;
        }
        Map<String, S3LiteComponent> beans = applicationContext.getBeansOfType(S3LiteComponent.class, false, false);
        return beans.values().stream().anyMatch(b -> b == target);
    }

    /** Copies every property onto the component's configuration (the template of its endpoints). */
    static void apply(S3LiteComponentConfiguration p, S3LiteComponent component) {
        S3LiteConfiguration c = component.getConfiguration();
        if (c == null) {
            c = new S3LiteConfiguration();
            component.setConfiguration(c);
        }
        c.setRegion(emptyToNull(p.getRegion()));
        c.setEndpoint(emptyToNull(p.getEndpoint()));
        c.setPathStyleAccess(p.isPathStyleAccess());
        c.setAccessKey(emptyToNull(p.getAccessKey()));
        c.setSecretKey(emptyToNull(p.getSecretKey()));
        c.setSessionToken(emptyToNull(p.getSessionToken()));
        if (p.getCredentialsProvider() != null) {
            c.setCredentialsProvider(p.getCredentialsProvider());
        }
        c.setRoleArn(emptyToNull(p.getRoleArn()));
        c.setRoleSessionName(emptyToNull(p.getRoleSessionName()));
        c.setRoleExternalId(emptyToNull(p.getRoleExternalId()));
        if (p.getRoleSessionDuration() != null) {
            c.setRoleSessionDuration(p.getRoleSessionDuration().toMillis());
        }
        c.setStsEndpoint(emptyToNull(p.getStsEndpoint()));
        c.setStsRegion(emptyToNull(p.getStsRegion()));
        c.setProfile(emptyToNull(p.getProfile()));
        c.setProxyHost(emptyToNull(p.getProxyHost()));
        c.setProxyPort(p.getProxyPort());
        c.setProxyProtocol(p.getProxyProtocol());
        c.setProxyUsername(emptyToNull(p.getProxyUsername()));
        c.setProxyPassword(emptyToNull(p.getProxyPassword()));
        c.setNonProxyHosts(emptyToNull(p.getNonProxyHosts()));
        c.setUseSystemProxy(p.isUseSystemProxy());
        if (p.getSslContextParameters() != null) {
            c.setSslContextParameters(p.getSslContextParameters());
        }
        component.setUseGlobalSslContextParameters(p.isUseGlobalSslContextParameters());
        if (p.getConnectTimeout() != null) {
            c.setConnectTimeout(p.getConnectTimeout().toMillis());
        }
        if (p.getSocketTimeout() != null) {
            c.setSocketTimeout(p.getSocketTimeout().toMillis());
        }
        if (p.getRequestTimeout() != null) {
            c.setRequestTimeout(p.getRequestTimeout().toMillis());
        }
        c.setMaxPages(p.getMaxPages());
        c.setMaxConnections(p.getMaxConnections());
        if (p.getS3Client() != null) {
            c.setS3Client(p.getS3Client());
        }
        if (p.getTransferListener() != null) {
            c.setTransferListener(p.getTransferListener());
        }
        if (p.getOperation() != null) {
            c.setOperation(p.getOperation());
        }
        c.setKeyName(emptyToNull(p.getKeyName()));
        c.setAutoCreateBucket(p.isAutoCreateBucket());
        if (p.getPresignExpiry() != null) {
            c.setPresignExpiry(p.getPresignExpiry().toMillis());
        }
        if (p.getMultipartThreshold() != null) {
            c.setMultipartThreshold(p.getMultipartThreshold().toBytes());
        }
        if (p.getMultipartCopyThreshold() != null) {
            c.setMultipartCopyThreshold(p.getMultipartCopyThreshold().toBytes());
        }
        if (p.getPartSize() != null) {
            c.setPartSize(p.getPartSize().toBytes());
        }
        c.setUploadConcurrency(p.getUploadConcurrency());
        if (p.getMaxObjectSize() != null) {
            c.setMaxObjectSize(p.getMaxObjectSize().toBytes());
        }
        if (p.getChecksumAlgorithm() != null) {
            c.setChecksumAlgorithm(p.getChecksumAlgorithm());
        }
        if (p.getCheckpointRepository() != null) {
            c.setCheckpointRepository(p.getCheckpointRepository());
        }
        if (p.getStaleUploadAge() != null) {
            c.setStaleUploadAge(p.getStaleUploadAge().toMillis());
        }
        if (p.getClaimTimeout() != null) {
            c.setClaimTimeout(p.getClaimTimeout().toMillis());
        }
        c.setDestinationDirectory(emptyToNull(p.getDestinationDirectory()));
        if (p.getDownloadChecksumValidation() != null) {
            c.setDownloadChecksumValidation(p.getDownloadChecksumValidation());
        }
        c.setDownloadConcurrency(p.getDownloadConcurrency());
        if (p.getDownloadPartSize() != null) {
            c.setDownloadPartSize(p.getDownloadPartSize().toBytes());
        }
        c.setContentType(emptyToNull(p.getContentType()));
        c.setContentTypeDetection(p.isContentTypeDetection());
        if (p.getContentTypeResolver() != null) {
            c.setContentTypeResolver(p.getContentTypeResolver());
        }
        c.setContentEncoding(emptyToNull(p.getContentEncoding()));
        c.setCacheControl(emptyToNull(p.getCacheControl()));
        c.setContentDisposition(emptyToNull(p.getContentDisposition()));
        if (p.getMetadata() != null && !p.getMetadata().isEmpty()) {
            c.getMetadata().putAll(p.getMetadata());
        }
        c.setIncludeExchangeMetadata(p.isIncludeExchangeMetadata());
        c.setMetadataEnvironment(emptyToNull(p.getMetadataEnvironment()));
        c.setApplicationName(emptyToNull(p.getApplicationName()));
        c.setServerSideEncryption(emptyToNull(p.getServerSideEncryption()));
        c.setKmsKeyId(emptyToNull(p.getKmsKeyId()));
        c.setKmsEncryptionContext(emptyToNull(p.getKmsEncryptionContext()));
        c.setBucketKeyEnabled(p.isBucketKeyEnabled());
        c.setSseCustomerKey(emptyToNull(p.getSseCustomerKey()));
        c.setSseCustomerKeyOverHttp(p.isSseCustomerKeyOverHttp());
        c.setStorageClass(emptyToNull(p.getStorageClass()));
        c.setCannedAcl(emptyToNull(p.getCannedAcl()));
        if (p.getTagging() != null && !p.getTagging().isEmpty()) {
            c.getTagging().putAll(p.getTagging());
        }
        c.setObjectLockMode(emptyToNull(p.getObjectLockMode()));
        c.setObjectLockRetainUntil(emptyToNull(p.getObjectLockRetainUntil()));
        c.setObjectLockLegalHold(p.isObjectLockLegalHold());
        c.setExpectedBucketOwner(emptyToNull(p.getExpectedBucketOwner()));
        c.setRequestPayer(p.isRequestPayer());
        c.setPrefix(emptyToNull(p.getPrefix()));
        c.setDelimiter(emptyToNull(p.getDelimiter()));
        c.setMaxMessagesPerPoll(p.getMaxMessagesPerPoll());
        c.setIncludeFolders(p.isIncludeFolders());
        c.setIncludeBody(p.isIncludeBody());
        c.setDeleteAfterRead(p.isDeleteAfterRead());
        c.setMoveAfterRead(p.isMoveAfterRead());
        c.setDestinationBucket(emptyToNull(p.getDestinationBucket()));
        c.setDestinationPrefix(emptyToNull(p.getDestinationPrefix()));
        if (p.getIdempotentRepository() != null) {
            c.setIdempotentRepository(p.getIdempotentRepository());
        }
        component.setBridgeErrorHandler(p.isBridgeErrorHandler());
        component.setLazyStartProducer(p.isLazyStartProducer());
        component.setAutowiredEnabled(p.isAutowiredEnabled());
        component.setHealthCheckConsumerEnabled(p.isHealthCheckConsumerEnabled());
        component.setHealthCheckProducerEnabled(p.isHealthCheckProducerEnabled());
    }

    private static String emptyToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}

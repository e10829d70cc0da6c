package io.github.s3lite.springboot;

import java.util.LinkedHashSet;
import java.util.Set;

import io.github.s3lite.client.S3LiteClient;
import io.github.s3lite.client.auth.CredentialsProvider;
import io.github.s3lite.content.ContentTypeResolver;
import io.github.s3lite.metrics.TransferListener;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.GenericConverter;

/**
 * Binds the bean-typed options of {@link S3LiteComponentConfiguration} from a bean reference, the way Camel Spring
 * Boot's generated starters do: {@code #bean:name}, {@code #name}, or (a convenience of this starter) the plain bean
 * name.
 */
@Configuration(proxyBeanMethods = false)
@ConfigurationPropertiesBinding
public class S3LiteComponentConverter implements GenericConverter {

    @Autowired
    private ApplicationContext applicationContext;

    @Override
    public Set<ConvertiblePair> getConvertibleTypes() {
        Set<ConvertiblePair> answer = new LinkedHashSet<>();
        answer.add(new ConvertiblePair(String.class, IdempotentRepository.class));
        answer.add(new ConvertiblePair(String.class, S3LiteClient.class));
        answer.add(new ConvertiblePair(String.class, CredentialsProvider.class));
        answer.add(new ConvertiblePair(String.class, ContentTypeResolver.class));
        answer.add(new ConvertiblePair(String.class, TransferListener.class));
        answer.add(new ConvertiblePair(String.class, SSLContextParameters.class));
        return answer;
    }

    @Override
    public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
        if (source == null) {
            return null;
        }
        String ref = source.toString().trim();
        if (ref.isEmpty()) {
            return null;
        }
        if (ref.startsWith("#bean:")) {
            ref = ref.substring("#bean:".length());
        } else if (ref.startsWith("#")) {
            ref = ref.substring(1);
        }
        return applicationContext.getBean(ref, targetType.getType());
    }
}

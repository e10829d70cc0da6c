package io.github.s3lite.example;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import io.github.s3lite.S3LiteComponent;
import org.apache.camel.Ordered;
import org.apache.camel.spi.ComponentCustomizer;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Only when {@code camel.component.s3lite.endpoint} is empty: an in-process S3Proxy on 127.0.0.1 (free port, real
 * SigV4 checking) storing in {@code example.s3-data-dir}, and a ComponentCustomizer, applied after the starter's,
 * pointing the s3lite component at it (endpoint, credentials, path-style). Set the endpoint to use a real store.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${camel.component.s3lite.endpoint:}'.isBlank()")
public class EmbeddedS3Server {

    static final String ACCESS_KEY = "example-access-key";
    static final String SECRET_KEY = "example-secret-key";

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedS3Server.class);

    /** The running S3Proxy; stopped with the application context. */
    public static final class Server implements DisposableBean {
        private final S3Proxy proxy;
        private final String endpoint;

        Server(Path storage) throws Exception {
            Files.createDirectories(storage);
            int port = freePort();
            Properties p = new Properties();
            p.setProperty("s3proxy.endpoint", "http://127.0.0.1:" + port);
            p.setProperty("s3proxy.authorization", "aws-v2-or-v4");
            p.setProperty("s3proxy.identity", ACCESS_KEY);
            p.setProperty("s3proxy.credential", SECRET_KEY);
            p.setProperty("s3proxy.ignore-unknown-headers", "true");
            proxy = S3Proxy.Builder.fromProperties(p)
                    .blobStore(new FilesystemNio2BlobStore(storage.toAbsolutePath().toString()))
                    .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                    .ignoreUnknownHeaders(true)
                    .build();
            proxy.start();
            long deadline = System.currentTimeMillis() + 30_000;
            while (!"STARTED".equals(proxy.getState()) && System.currentTimeMillis() < deadline) {
                Thread.sleep(10);
            }
            endpoint = "http://127.0.0.1:" + proxy.getPort();
            LOG.info("camel.component.s3lite.endpoint is empty: started an embedded S3Proxy at {} storing in {}",
                    endpoint, storage.toAbsolutePath());
        }

        public String endpoint() {
            return endpoint;
        }

        @Override
        public void destroy() throws Exception {
            proxy.stop();
        }

        private static int freePort() throws IOException {
            try (ServerSocket s = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
                return s.getLocalPort();
            }
        }
    }

    @Bean
    Server embeddedS3(@Value("${example.s3-data-dir}") Path storage) throws Exception {
        return new Server(storage);
    }

    /** Runs after the starter's customizer (which applied camel.component.s3lite.*), so these values win. */
    @Bean
    ComponentCustomizer embeddedS3Customizer(Server server) {
        return new ComponentCustomizer() {
            @Override
            public void configure(String name, org.apache.camel.Component target) {
                var c = ((S3LiteComponent) target).getConfiguration();
                c.setEndpoint(server.endpoint());
                c.setPathStyleAccess(true);
                c.setAccessKey(ACCESS_KEY);
                c.setSecretKey(SECRET_KEY);
                c.setSessionToken(null);
            }

            @Override
            public boolean isEnabled(String name, org.apache.camel.Component target) {
                return target instanceof S3LiteComponent;
            }

            @Override
            public int getOrder() {
                return Ordered.LOWEST;
            }
        };
    }
}

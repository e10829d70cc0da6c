package io.github.s3lite.client.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.github.s3lite.client.auth.StsClient;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.BasicHttpClientConnectionManager;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.config.RegistryBuilder;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;

/**
 * STS calls with the S3 endpoint's network settings: its proxy (with Basic credentials after a 407) and its TLS
 * context, protocols and ciphers (a private CA in front of MinIO or Ceph STS). One connection, closed after each
 * call ({@code Connection: close}): STS is asked once per credential lifetime, so nothing is kept open and no thread
 * is started. Errors name the URL, never a body.
 */
public final class ProxiedStsTransport implements StsClient.Transport {
    private static final Timeout CONNECT = Timeout.ofSeconds(10);
    private static final Timeout RESPONSE = Timeout.ofSeconds(30);

    private final CloseableHttpClient http;
    private final String description;

    public ProxiedStsTransport(HttpTransport.Settings settings) {
        BasicHttpClientConnectionManager manager = BasicHttpClientConnectionManager.create(
                RegistryBuilder.<TlsSocketStrategy>create().register("https", HttpTransport.tlsStrategy(settings)).build());
        manager.setConnectionConfig(ConnectionConfig.custom().setConnectTimeout(CONNECT).setSocketTimeout(RESPONSE).build());
        HttpClientBuilder b = HttpClients.custom().setConnectionManager(manager)
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(RESPONSE).setRedirectsEnabled(false).build())
                .disableAutomaticRetries().disableRedirectHandling().disableCookieManagement().disableContentCompression()
                .setUserAgent("camel-s3lite/0.1");
        ProxyRoutes.apply(b, settings.proxy());
        this.http = b.build();
        this.description = "STS via " + settings.proxy();
    }

    @Override
    public Reply post(URI uri, Map<String, String> headers, String body) {
        HttpPost post = new HttpPost(uri);
        headers.forEach(post::setHeader);
        post.setHeader("Connection", "close");
        post.setEntity(new StringEntity(body, ContentType.create("application/x-www-form-urlencoded", StandardCharsets.UTF_8)));
        try {
            return http.execute(post, r -> new Reply(r.getCode(),
                    r.getEntity() == null ? "" : EntityUtils.toString(r.getEntity(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("POST " + uri.getScheme() + "://" + uri.getHost()
                                           + (uri.getPort() < 0 ? "" : ":" + uri.getPort()) + uri.getRawPath() + " failed: "
                                           + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
        }
    }

    @Override
    public String toString() {
        return description;
    }
}

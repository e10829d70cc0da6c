package io.github.s3lite.client.http;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which requests go through which proxy: the option, the JVM properties, the environment, and the bypass lists. */
class ProxySelectionTest {

    private static final Map<String, String> NONE = Map.of();

    @Test
    void noProxyListForms() {
        NonProxyHosts n = NonProxyHosts.noProxy(" .svc, cluster.local,10.0.0.0/8 ,fd00::/8, [::1], s3.internal:9000,*.corp");
        assertThat(n.matches("api.default.svc")).isTrue();
        assertThat(n.matches("svc")).as(".svc also matches svc itself, as curl reads it").isTrue();
        assertThat(n.matches("cluster.local")).isTrue();
        assertThat(n.matches("kube-dns.kube-system.svc.cluster.local")).isTrue();
        assertThat(n.matches("notcluster.local")).isFalse();
        assertThat(n.matches("10.1.2.3")).isTrue();
        assertThat(n.matches("11.1.2.3")).isFalse();
        assertThat(n.matches("[fd00::23]")).isTrue();
        assertThat(n.matches("::1")).isTrue();
        assertThat(n.matches("s3.internal")).as("a :port suffix is ignored").isTrue();
        assertThat(n.matches("a.corp")).isTrue();
        assertThat(n.matches("S3.AMAZONAWS.COM")).isFalse();
        assertThat(n.matches("10.example.com")).as("a name is never taken for an address range").isFalse();
        assertThat(NonProxyHosts.noProxy("*").matches("anything")).isTrue();
        assertThat(NonProxyHosts.noProxy("").matches("anything")).isFalse();
    }

    @Test
    void jvmListForms() {
        NonProxyHosts n = NonProxyHosts.jvm("localhost|127.*|*.example.com|example.org");
        assertThat(n.matches("localhost")).isTrue();
        assertThat(n.matches("127.0.0.1")).isTrue();
        assertThat(n.matches("a.example.com")).isTrue();
        assertThat(n.matches("example.org")).isTrue();
        assertThat(n.matches("a.example.org")).as("the JVM form matches a bare name exactly").isFalse();
    }

    @Test
    void explicitProxyForEverySchemeExceptBypassAndCredentialEndpoints() {
        ProxyServer p = new ProxyServer("http", "proxy.corp", 3128, "u", "secret-pw");
        ProxySelection s = ProxySelection.explicit(p, ".internal");
        assertThat(s.select("https", "s3.eu-west-1.amazonaws.com")).isEqualTo(p);
        assertThat(s.select("http", "minio.example.com")).isEqualTo(p);
        assertThat(s.select("https", "ceph.internal")).isNull();
        assertThat(s.select("https", "127.0.0.1")).as("an explicit proxy is used for loopback too").isEqualTo(p);
        for (String direct : new String[] {"169.254.169.254", "169.254.170.2", "169.254.170.23", "fd00:ec2::254", "[fd00:ec2::23]"}) {
            assertThat(s.select("http", direct)).as(direct).isNull();
        }
        assertThat(s.toString()).doesNotContain("secret-pw").doesNotContain("u@");
        assertThat(p.toString()).isEqualTo("http://****@proxy.corp:3128");
    }

    @Test
    void jvmPropertiesPerTargetSchemeWithTheirDefaultBypass() {
        Map<String, String> props = Map.of("https.proxyHost", "secure-proxy", "https.proxyPort", "8443",
                "http.proxyHost", "plain-proxy");
        ProxySelection s = ProxySelection.system(props::get, Map.of("HTTPS_PROXY", "http://ignored:1")::get);
        assertThat(s.select("https", "s3.amazonaws.com")).isEqualTo(new ProxyServer("http", "secure-proxy", 8443, null, null));
        assertThat(s.select("http", "minio")).isEqualTo(new ProxyServer("http", "plain-proxy", 80, null, null));
        assertThat(s.select("https", "localhost")).isNull();
        assertThat(s.select("https", "127.0.0.5")).isNull();
        ProxySelection listed = ProxySelection.system(Map.of("https.proxyHost", "p", "http.nonProxyHosts", "*.internal")::get,
                NONE::get);
        assertThat(listed.select("https", "rgw.internal")).isNull();
        assertThat(listed.select("https", "127.0.0.1")).as("loopback stays direct with system settings").isNull();
        assertThat(listed.select("http", "rgw.example.com")).as("no http.proxyHost: http targets direct").isNull();
    }

    @Test
    void environmentWithCredentialsInTheUrlAndNoProxy() {
        Map<String, String> env = Map.of("https_proxy", "http://user%40corp:p%3Ass@egress.corp:3128",
                "HTTP_PROXY", "egress.corp:8080", "NO_PROXY", ".svc,.cluster.local,10.0.0.0/8");
        ProxySelection s = ProxySelection.system(NONE::get, env::get);
        ProxyServer https = s.select("https", "s3.eu-central-1.amazonaws.com");
        assertThat(https).isEqualTo(new ProxyServer("http", "egress.corp", 3128, "user@corp", "p:ss"));
        assertThat(s.select("http", "minio.example.com")).isEqualTo(new ProxyServer("http", "egress.corp", 8080, null, null));
        assertThat(s.select("https", "minio.tenant.svc")).isNull();
        assertThat(s.select("http", "10.96.0.12")).isNull();
        assertThat(s.select("http", "localhost")).isNull();
        assertThat(s.toString()).doesNotContain("p:ss").doesNotContain("p%3Ass").doesNotContain("user");
        assertThat(ProxySelection.system(NONE::get, NONE::get).isDirect()).isTrue();
    }

    @Test
    void badValuesNameTheirSource() {
        assertThatThrownBy(() -> ProxySelection.system(NONE::get, Map.of("HTTPS_PROXY", "http://:3128")::get))
                .hasMessageContaining("HTTPS_PROXY");
        assertThatThrownBy(() -> ProxySelection.system(Map.of("https.proxyHost", "p", "https.proxyPort", "x")::get, NONE::get))
                .hasMessageContaining("https.proxyPort=x");
        assertThatThrownBy(() -> new ProxyServer("socks", "p", 1080, null, null)).hasMessageContaining("proxyProtocol");
        assertThatThrownBy(() -> new ProxyServer("http", "p", 0, null, null)).hasMessageContaining("proxyPort");
    }
}

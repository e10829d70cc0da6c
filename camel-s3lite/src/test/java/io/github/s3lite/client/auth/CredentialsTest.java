package io.github.s3lite.client.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CredentialsTest {

    static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    static final String TOKEN = "FwoGZXIvYXdzEXAMPLETOKENvalue1234567890";

    @Test
    void toStringHidesSecretAndToken() {
        Credentials c = new Credentials("AKIAIOSFODNN7EXAMPLE", SECRET, TOKEN);
        String s = c.toString();
        assertThat(s).doesNotContain(SECRET).doesNotContain(TOKEN).doesNotContain("IOSFODNN7EXAMPLE")
                .doesNotContain("MDENG").contains("AKIA****").contains("****");
        assertThat(new Credentials("AKIAIOSFODNN7EXAMPLE", SECRET).toString()).doesNotContain(SECRET)
                .contains("sessionToken=none");
    }

    @Test
    void shortAccessKeyIsFullyMasked() {
        assertThat(new Credentials("AKI", SECRET).toString()).doesNotContain("AKI").contains("****");
    }

    @Test
    void twoArgConstructorHasNoToken() {
        Credentials c = new Credentials("id", SECRET);
        assertThat(c.sessionToken()).isNull();
        assertThat(c.hasSessionToken()).isFalse();
        assertThat(new Credentials("id", SECRET, "  ").sessionToken()).isNull();
    }

    @Test
    void validation() {
        assertThatThrownBy(() -> new Credentials(" ", SECRET)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("accessKeyId").hasMessageNotContaining(SECRET);
        assertThatThrownBy(() -> new Credentials(null, SECRET)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining(SECRET);
        assertThatThrownBy(() -> new Credentials("AKIAIOSFODNN7EXAMPLE", "")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("secretAccessKey").hasMessageNotContaining("IOSFODNN7EXAMPLE");
        assertThatThrownBy(() -> new Credentials("id", null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void providerOf() {
        Credentials c = new Credentials("id", SECRET);
        assertThat(CredentialsProvider.of(c).credentials()).isSameAs(c);
        assertThatThrownBy(() -> CredentialsProvider.of(null)).isInstanceOf(NullPointerException.class);
    }
}

package io.github.s3lite.client.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UriEncoderTest {

    @ParameterizedTest(name = "[{0}] keepSlash={1} -> [{2}]")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "a b|true|a%20b",
            "a+b|true|a%2Bb",
            "a+b|false|a%2Bb",
            "~tilde-._|false|~tilde-._",
            "AZaz09-._~|false|AZaz09-._~",
            "dir/sub/key.txt|true|dir/sub/key.txt",
            "dir/sub/key.txt|false|dir%2Fsub%2Fkey.txt",
            "test$file.text|true|test%24file.text",
            "a=b&c|false|a%3Db%26c",
            "100%|true|100%25",
            "%20|true|%2520",
            "*|false|%2A",
            "é|true|%C3%A9",
            "ሴ|true|%E1%88%B4",
            "😀|true|%F0%9F%98%80",
            "a//b/../c|true|a//b/../c",
            "\"\"|true|\"\"" })
    void encode(String raw, boolean keepSlash, String expected) {
        assertThat(UriEncoder.encode(raw, keepSlash)).isEqualTo(expected);
    }

    @Test
    void emptyString() {
        assertThat(UriEncoder.encode("", true)).isEmpty();
        assertThat(UriEncoder.decode("")).isEmpty();
    }

    @Test
    void controlCharsAndUppercaseHex() {
        assertThat(UriEncoder.encode("\n\t\u007f", false)).isEqualTo("%0A%09%7F");
        assertThat(UriEncoder.encode("\u00ff", false)).isEqualTo("%C3%BF");
    }

    @Test
    void unpairedSurrogateIsRejected() {
        assertThatThrownBy(() -> UriEncoder.encode("a\uD83D", true)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void decode() {
        assertThat(UriEncoder.decode("a%20b")).isEqualTo("a b");
        assertThat(UriEncoder.decode("a+b")).isEqualTo("a+b");
        assertThat(UriEncoder.decode("a%2Bb%2fc")).isEqualTo("a+b/c");
        assertThat(UriEncoder.decode("%E1%88%B4")).isEqualTo("ሴ");
        assertThat(UriEncoder.decode("%F0%9F%98%80x")).isEqualTo("😀x");
        assertThat(UriEncoder.decode("é%C3%A9")).isEqualTo("éé");
    }

    @Test
    void decodeRejectsMalformed() {
        assertThatThrownBy(() -> UriEncoder.decode("abc%2")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UriEncoder.decode("abc%")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UriEncoder.decode("%zz")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UriEncoder.decode("%FF")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void roundTrip() {
        for (String s : new String[] { "plain", "a b+c/d?e=f&g", "ünï cødé 😀 ሴ", "~-._" }) {
            assertThat(UriEncoder.decode(UriEncoder.encode(s, false))).isEqualTo(s);
            assertThat(UriEncoder.decode(UriEncoder.encode(s, true))).isEqualTo(s);
        }
    }
}

package io.github.s3lite.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UserMetadataTest {

    private static Map<String, String> map(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void lowerCasesNamesStripsPrefixAndKeepsOrder() {
        Map<String, String> wire = UserMetadata.encodeForWire(
                map("Owner", "Alice", "X-Amz-Meta-Project", "s3lite", "x-amz-meta-trace_id", "a.b-c~1"));
        assertThat(wire).containsExactly(
                Map.entry("owner", "Alice"), Map.entry("project", "s3lite"), Map.entry("trace_id", "a.b-c~1"));
    }

    @Test
    void asciiValuesAreUnchanged() {
        String v = "Hello, World! 1+1=2; path=/a/b?c=d&e=f \"quoted\"  two  spaces";
        assertThat(UserMetadata.encodeForWire(map("k", v))).containsEntry("k", v);
        assertThat(UserMetadata.encodeForWire(map("k", ""))).containsEntry("k", "");
    }

    @ParameterizedTest
    @ValueSource(strings = {"caf\u00e9", "\u65e5\u672c\u8a9e\u306e\u30e1\u30bf\u30c7\u30fc\u30bf",
            "emoji \ud83d\ude00\ud83d\udc4d\ud83c\udffd", "\u00c5ngstr\u00f6m \u2014 \u20ac5", " leading space",
            "trailing space ", "tab\there", "=?UTF-8?B?Zm9v?=", "\u0085next line"})
    void nonPlainValuesRoundTrip(String value) {
        Map<String, String> wire = UserMetadata.encodeForWire(map("Note", value));
        String encoded = wire.get("note");
        assertThat(encoded).startsWith("=?UTF-8?B?").endsWith("?=");
        assertThat(encoded.chars()).allMatch(c -> c > 0x20 && c < 0x7F);
        assertThat(UserMetadata.decodeFromWire(wire)).containsExactly(Map.entry("note", value));
    }

    @Test
    void encodesKnownExample() {
        assertThat(UserMetadata.encodeForWire(map("city", "Z\u00fcrich")))
                .containsEntry("city", "=?UTF-8?B?WsO8cmljaA==?=");
    }

    @Test
    void decodesQEncodingAnyCaseAndCharset() {
        Map<String, String> decoded = UserMetadata.decodeFromWire(map(
                "X-Amz-Meta-City", "=?utf-8?q?Z=C3=BCrich_am_See?=",
                "latin", "=?ISO-8859-1?Q?caf=E9?=",
                "b", "=?UTF-8?b?4pyTIGRvbmU=?=",
                "split", "=?UTF-8?B?8J+Y?= =?UTF-8?B?gA==?=",
                "plain", "just text",
                "almost", "=?UTF-8?B?not base64!?=",
                "unknown", "=?x-no-such-charset?B?Zm9v?=",
                "embedded", "see =?UTF-8?B?Zm9v?= here"));
        assertThat(decoded).containsExactly(
                Map.entry("city", "Z\u00fcrich am See"),
                Map.entry("latin", "caf\u00e9"),
                Map.entry("b", "\u2713 done"),
                Map.entry("split", "\ud83d\ude00"),
                Map.entry("plain", "just text"),
                Map.entry("almost", "=?UTF-8?B?not base64!?="),
                Map.entry("unknown", "=?x-no-such-charset?B?Zm9v?="),
                Map.entry("embedded", "see =?UTF-8?B?Zm9v?= here"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"my key", "caf\u00e9", "bell\u0007", "new\nline", "a:b", "x-amz-meta-with space"})
    void invalidNamesAreRejectedNamingTheKey(String key) {
        assertThatThrownBy(() -> UserMetadata.encodeForWire(map(key, "v")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(UserMetadata.quote(key))
                .hasMessageContaining("rename the key");
    }

    @Test
    void nameMessagesSayWhatIsWrong() {
        assertThatThrownBy(() -> UserMetadata.encodeForWire(map("my key", "v")))
                .hasMessageContaining("'my key'").hasMessageContaining("a space");
        assertThatThrownBy(() -> UserMetadata.encodeForWire(map("caf\u00e9", "v")))
                .hasMessageContaining("'caf\u00e9'").hasMessageContaining("non-ASCII").hasMessageContaining("U+00E9");
        assertThatThrownBy(() -> UserMetadata.encodeForWire(map("bell\u0007", "v")))
                .hasMessageContaining("'bell\\u0007'").hasMessageContaining("control character U+0007");
    }

    @Test
    void emptyNamesAreRejected() {
        assertThatThrownBy(() -> UserMetadata.encodeForWire(map("", "v")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("''").hasMessageContaining("empty");
        assertThatThrownBy(() -> UserMetadata.encodeForWire(map("x-amz-meta-", "v")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'x-amz-meta-'").hasMessageContaining("empty");
    }

    @Test
    void duplicateNamesAfterNormalisationAreRejected() {
        assertThatThrownBy(() -> UserMetadata.encodeForWire(map("Owner", "a", "x-amz-meta-owner", "b")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'Owner'").hasMessageContaining("'x-amz-meta-owner'");
    }

    @Test
    void lineBreaksInValuesAreRejectedWithoutEchoingLongValues() {
        String value = "x".repeat(100) + "\r\nInjected: header";
        assertThatThrownBy(() -> UserMetadata.encodeForWire(map("Note", value)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'Note'")
                .hasMessageContaining("U+000D")
                .hasMessageContaining("'" + "x".repeat(64) + "'")
                .hasMessageNotContaining("x".repeat(65))
                .hasMessageNotContaining("Injected");
        assertThatThrownBy(() -> UserMetadata.encodeForWire(map("k", null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'k'");
        assertThatThrownBy(() -> UserMetadata.encodeForWire(map("k", "bad \ud800 surrogate")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'k'")
                .hasMessageContaining("surrogate");
    }

    @Test
    void sizeLimitIsCheckedAfterEncoding() {
        // exactly at the limit: name "k" (1 byte) + 2047 ASCII bytes
        assertThat(UserMetadata.encodeForWire(map("k", "a".repeat(2047)))).hasSize(1);

        assertThatThrownBy(() -> UserMetadata.encodeForWire(map("k", "a".repeat(2048))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2048 bytes")
                .hasMessageContaining("2049 bytes")
                .hasMessageContaining("'k'");

        // 1000 x "é" is 2000 UTF-8 bytes raw, but its B-encoding is 2680+ bytes on the wire
        assertThatThrownBy(() -> UserMetadata.encodeForWire(map("k", "\u00e9".repeat(1000))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2048 bytes");

        // many small entries add up
        Map<String, String> many = new LinkedHashMap<>();
        for (int i = 0; i < 100; i++) {
            many.put("key" + i, "value-" + i + "-padding");
        }
        assertThatThrownBy(() -> UserMetadata.encodeForWire(many))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("limit of 2048 bytes");
    }

    @Test
    void nullAndEmptyMaps() {
        assertThat(UserMetadata.encodeForWire(null)).isEmpty();
        assertThat(UserMetadata.decodeFromWire(null)).isEmpty();
        Map<String, String> in = map("a", "b");
        assertThat(UserMetadata.encodeForWire(in)).isNotSameAs(in);
    }
}

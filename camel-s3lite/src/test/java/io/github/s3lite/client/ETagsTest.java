package io.github.s3lite.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The one reading of an ETag: what stores send (quoted, weak, blank, RGW's empty element) and what is compared. */
class ETagsTest {

    @Test
    void bareDropsBlanksWeakPrefixAndQuotes() {
        assertThat(ETags.bare("\"9b2cf535f27731c974343645a3985328\"")).isEqualTo("9b2cf535f27731c974343645a3985328");
        assertThat(ETags.bare(" W/\"abc-3\" ")).isEqualTo("abc-3");
        assertThat(ETags.bare("abc")).as("unquoted, as some stores send it").isEqualTo("abc");
        assertThat(ETags.bare("\"\"")).isEmpty();
        assertThat(ETags.bare(null)).isEmpty();
    }

    @Test
    void blankMeansNoETag() {
        assertThat(ETags.isBlank(null)).isTrue();
        assertThat(ETags.isBlank("")).isTrue();
        assertThat(ETags.isBlank("\"\"")).as("Ceph RGW 16's empty multipart ETag").isTrue();
        assertThat(ETags.isBlank(" \" \" ")).isTrue();
        assertThat(ETags.isBlank("\"a\"")).isFalse();
    }

    @Test
    void sameNeedsTwoPresentEqualETags() {
        assertThat(ETags.same("\"abc\"", "abc")).isTrue();
        assertThat(ETags.same("W/\"abc\"", "\"abc\"")).isTrue();
        assertThat(ETags.same("\"abc\"", "\"ABC\"")).as("an ETag is opaque: case counts").isFalse();
        assertThat(ETags.same(null, null)).isFalse();
        assertThat(ETags.same("\"\"", "")).isFalse();
    }

    @Test
    void md5HexIsThirtyTwoHexDigits() {
        assertThat(ETags.isMd5Hex("\"9b2cf535f27731c974343645a3985328\"")).isTrue();
        assertThat(ETags.isMd5Hex("9B2CF535F27731C974343645A3985328")).isTrue();
        assertThat(ETags.isMd5Hex("\"9b2cf535f27731c974343645a3985328-2\"")).isFalse();
        assertThat(ETags.isMd5Hex("\"9b2cf535f27731c974343645a398532g\"")).isFalse();
        assertThat(ETags.isMd5Hex(null)).isFalse();
    }
}

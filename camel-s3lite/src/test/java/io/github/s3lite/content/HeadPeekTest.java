package io.github.s3lite.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeadPeekTest {

    /** Non-repeatable source that hands out one byte per read call and counts what was taken from it. */
    static final class TrickleStream extends InputStream {
        private final byte[] data;
        int pos;
        boolean closed;

        TrickleStream(byte[] data) {
            this.data = data;
        }

        @Override
        public int read() {
            return pos < data.length ? data[pos++] & 0xFF : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) {
                return 0;
            }
            if (pos >= data.length) {
                return -1;
            }
            b[off] = data[pos++];
            return 1;
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        new Random(n).nextBytes(b);
        return b;
    }

    @Test
    void peekLoopsOverShortReadsAndReplaysEverything() throws IOException {
        byte[] content = random(20_000);
        TrickleStream source = new TrickleStream(content);

        HeadPeek.Peeked p = HeadPeek.peek(source, ContentTypeResolver.HEAD_SIZE);

        assertThat(p.head()).isEqualTo(Arrays.copyOf(content, ContentTypeResolver.HEAD_SIZE));
        assertThat(source.pos).as("never reads more than max").isEqualTo(ContentTypeResolver.HEAD_SIZE);
        assertThat(p.stream().readAllBytes()).isEqualTo(content);
        p.stream().close();
        assertThat(source.closed).isTrue();
    }

    @Test
    void peekReplaysWithSingleByteReadsToo() throws IOException {
        byte[] content = random(300);
        HeadPeek.Peeked p = HeadPeek.peek(new TrickleStream(content), 100);
        byte[] back = new byte[content.length];
        int n = 0;
        for (int b; (b = p.stream().read()) >= 0; ) {
            back[n++] = (byte) b;
        }
        assertThat(n).isEqualTo(content.length);
        assertThat(back).isEqualTo(content);
    }

    @Test
    void peekShorterThanMaxGivesWholeContent() throws IOException {
        byte[] content = "tiny".getBytes(StandardCharsets.US_ASCII);
        HeadPeek.Peeked p = HeadPeek.peek(new TrickleStream(content), ContentTypeResolver.HEAD_SIZE);
        assertThat(p.head()).isEqualTo(content);
        assertThat(p.stream().readAllBytes()).isEqualTo(content);
    }

    @Test
    void peekEmptyAndZeroMax() throws IOException {
        HeadPeek.Peeked empty = HeadPeek.peek(new ByteArrayInputStream(new byte[0]), 10);
        assertThat(empty.head()).isEmpty();
        assertThat(empty.stream().read()).isEqualTo(-1);

        byte[] content = random(50);
        HeadPeek.Peeked zero = HeadPeek.peek(new TrickleStream(content), 0);
        assertThat(zero.head()).isEmpty();
        assertThat(zero.stream().readAllBytes()).isEqualTo(content);

        assertThatThrownBy(() -> HeadPeek.peek(new ByteArrayInputStream(content), -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void peekedHeadIsACopy() throws IOException {
        byte[] content = random(64);
        HeadPeek.Peeked p = HeadPeek.peek(new ByteArrayInputStream(content), 16);
        p.head()[0] ^= 0x55; // callers scribbling on the head must not corrupt the replay
        assertThat(p.stream().readAllBytes()).isEqualTo(content);
    }

    @Test
    void headOfLargeSparseFileReadsOnlyMax(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("huge.bin");
        long size = 3L << 30; // 3 GiB sparse: larger than any byte[], so reading it all would fail
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.write("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII));
            raf.setLength(size);
        }
        assertThat(Files.size(file)).isEqualTo(size);

        byte[] head = HeadPeek.head(file, ContentTypeResolver.HEAD_SIZE);

        assertThat(head).hasSize(ContentTypeResolver.HEAD_SIZE);
        assertThat(new String(head, 0, 9, StandardCharsets.US_ASCII)).isEqualTo("%PDF-1.7\n");
        assertThat(new DefaultContentTypeResolver(false).resolve("huge.bin", head)).isEqualTo("application/pdf");
    }

    @Test
    void headOfSmallFileIsWholeFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("small.txt");
        Files.writeString(file, "hello");
        assertThat(HeadPeek.head(file, ContentTypeResolver.HEAD_SIZE))
                .isEqualTo("hello".getBytes(StandardCharsets.US_ASCII));
        assertThat(HeadPeek.head(file, 2)).isEqualTo("he".getBytes(StandardCharsets.US_ASCII));
    }
}

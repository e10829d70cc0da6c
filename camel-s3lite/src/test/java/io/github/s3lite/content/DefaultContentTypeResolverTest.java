package io.github.s3lite.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Table-driven: each sample is real content (images written by ImageIO, archives by java.util.zip/jar, gzip by
 * GZIPOutputStream) or a minimal hand-written header (documented at each builder), resolved under its correct
 * extension, a wrong extension and no extension. As in production, only the first HEAD_SIZE bytes are offered.
 */
class DefaultContentTypeResolverTest {

    private static final String UTF8 = "; charset=utf-8";
    private static final Map<String, byte[]> SAMPLES = samples();

    private final DefaultContentTypeResolver resolver = new DefaultContentTypeResolver(false);

    static Stream<Arguments> table() {
        return Stream.of(
                // images (ImageIO)
                row("png", "photo.png", "image/png"),
                row("png", "photo.jpg", "image/png"),
                row("png", "photo.txt", "image/png"),
                row("png", "photo", "image/png"),
                row("jpeg", "photo.JPG", "image/jpeg"),
                row("jpeg", "photo.png", "image/jpeg"),
                row("jpeg", "photo", "image/jpeg"),
                row("gif", "anim.gif", "image/gif"),
                row("gif", "anim.pdf", "image/gif"),
                row("gif", "anim", "image/gif"),
                // WebP: hand-written RIFF header
                row("webp", "pic.webp", "image/webp"),
                row("webp", "pic.png", "image/webp"),
                row("webp", "pic", "image/webp"),
                // PDF: hand-written minimal document
                row("pdf", "doc.pdf", "application/pdf"),
                row("pdf", "data.bin", "application/pdf"),
                row("pdf", "doc", "application/pdf"),
                // ZIP family (java.util.zip / java.util.jar)
                row("zip", "a.zip", "application/zip"),
                row("zip", "a.txt", "application/zip"),
                row("zip", "a", "application/zip"),
                row("emptyzip", "empty.zip", "application/zip"),
                row("emptyzip", "empty.csv", "application/zip"),
                row("emptyzip", "empty", "application/zip"),
                row("docx", "report.docx",
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
                row("docx", "Report.XLSX", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
                row("docx", "deck.pptx",
                        "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
                row("docx", "letter.odt", "application/vnd.oasis.opendocument.text"),
                row("docx", "report.txt", "application/zip"),
                row("docx", "report", "application/zip"),
                row("jar", "app.jar", "application/java-archive"),
                row("jar", "app.txt", "application/zip"),
                row("jar", "app", "application/zip"),
                // gzip (GZIPOutputStream); Content-Encoding is a separate concern
                row("gzip", "data.gz", "application/gzip"),
                row("gzip", "data.csv.gz", "application/gzip"),
                row("gzip", "data.csv", "application/gzip"),
                row("gzip", "data", "application/gzip"),
                // tar: hand-written 512-byte ustar header + data block
                row("tar", "a.tar", "application/x-tar"),
                row("tar", "a.zip", "application/x-tar"),
                row("tar", "a", "application/x-tar"),
                // Parquet, Avro: hand-written magic + plausible bytes
                row("parquet", "t.parquet", "application/vnd.apache.parquet"),
                row("parquet", "t.csv", "application/vnd.apache.parquet"),
                row("parquet", "t", "application/vnd.apache.parquet"),
                row("avro", "t.avro", "application/avro"),
                row("avro", "t.json", "application/avro"),
                row("avro", "t", "application/avro"),
                // MP4 (ftyp isom), M4A (ftyp M4A): hand-written boxes
                row("mp4", "clip.mp4", "video/mp4"),
                row("mp4", "clip.mp3", "video/mp4"),
                row("mp4", "clip", "video/mp4"),
                row("mp4", "clip.mov", "video/quicktime"), // generic brand: the name picks within the family
                row("m4a", "song.m4a", "audio/mp4"),
                row("m4a", "song.mp4", "audio/mp4"),
                row("m4a", "song", "audio/mp4"),
                // MP3: ID3v2 tag, and a bare MPEG-1 Layer III frame header (FF FB 90 64)
                row("mp3id3", "song.mp3", "audio/mpeg"),
                row("mp3id3", "song.wav", "audio/mpeg"),
                row("mp3id3", "song", "audio/mpeg"),
                row("mp3sync", "song.mp3", "audio/mpeg"),
                row("mp3sync", "song.bin", "audio/mpeg"),
                row("mp3sync", "song", "audio/mpeg"),
                // JSON
                row("json", "data.json", "application/json"),
                row("json", "data.png", "application/json"),
                row("json", "data", "application/json"),
                row("json", "data.txt", "text/plain" + UTF8), // JSON is valid .txt content: the name is not lying
                row("json", "data.ndjson", "application/x-ndjson"),
                row("jsonarray", "list.json", "application/json"),
                row("jsonarray", "list.xml", "application/json"),
                row("jsonarray", "list", "application/json"),
                row("jsonbom", "bom.json", "application/json"),
                row("jsonbom", "bom.pdf", "application/json"),
                row("jsonbom", "bom", "application/json"),
                // XML family
                row("xml", "a.xml", "application/xml"),
                row("xml", "a.svg", "image/svg+xml"),
                row("xml", "schema.xsd", "application/xml"),
                row("xml", "a.png", "application/xml"),
                row("xml", "a", "application/xml"),
                row("svg", "icon.svg", "image/svg+xml"),
                row("svg", "icon.png", "image/svg+xml"),
                row("svg", "icon", "image/svg+xml"),
                // HTML
                row("html", "index.html", "text/html" + UTF8),
                row("html", "index.txt", "text/html" + UTF8),
                row("html", "index", "text/html" + UTF8),
                row("htmlupper", "INDEX.HTM", "text/html" + UTF8),
                row("htmlupper", "index.json", "text/html" + UTF8),
                row("htmlupper", "index", "text/html" + UTF8),
                // CSV and other text
                row("csv", "data.csv", "text/csv" + UTF8),
                row("csv", "DATA.CSV", "text/csv" + UTF8),
                row("csv", "data.png", "text/plain" + UTF8),
                row("csv", "data", "text/plain" + UTF8),
                row("text", "notes.txt", "text/plain" + UTF8),
                row("text", "notes.md", "text/markdown" + UTF8),
                row("text", "notes.yaml", "application/yaml"),
                row("text", "notes.pdf", "text/plain" + UTF8),
                row("text", "notes", "text/plain" + UTF8),
                row("text", "dir.v2/notes", "text/plain" + UTF8),
                row("readme", "README.md", "text/markdown" + UTF8), // "[![badge]" is not JSON
                row("readme", "README", "text/plain" + UTF8),
                row("ini", "app.ini", "text/plain" + UTF8), // "[section]" is not JSON
                row("prose", "data.xml", "text/plain" + UTF8), // prose contradicts XML
                row("prose", "data.json", "text/plain" + UTF8),
                // a multi-byte character cut by the head limit must not make the content binary
                row("cut2", "big.txt", "text/plain" + UTF8),
                row("cut2", "big", "text/plain" + UTF8),
                row("cut3", "big.csv", "text/csv" + UTF8),
                row("cut3", "big", "text/plain" + UTF8),
                row("cut4", "big.jpg", "text/plain" + UTF8),
                row("cut4", "big", "text/plain" + UTF8),
                row("utf16", "wide.csv", "text/csv; charset=utf-16"),
                row("utf16", "wide", "text/plain; charset=utf-16"),
                // nothing recognisable in the bytes: the name decides (no charset: bytes not verified)
                row("binary", "blob.bin", "application/octet-stream"),
                row("binary", "blob.csv", "text/csv"),
                row("binary", "blob", null),
                row("latin1", "old.txt", "text/plain"),
                row("latin1", "old", null),
                row("empty", "empty.txt", "text/plain"),
                row("empty", "photo.png", "image/png"),
                row("empty", "empty", null),
                row("empty", null, null),
                row("empty", ".bashrc", null));
    }

    private static Arguments row(String sample, String name, String expected) {
        return Arguments.of(sample, name, expected);
    }

    @ParameterizedTest(name = "{0} named {1} -> {2}")
    @MethodSource("table")
    void resolves(String sample, String name, String expected) {
        byte[] content = SAMPLES.get(sample);
        assertThat(content).as("sample %s", sample).isNotNull();
        byte[] head = Arrays.copyOf(content, Math.min(content.length, ContentTypeResolver.HEAD_SIZE));
        assertThat(resolver.resolve(name, head)).isEqualTo(expected);
    }

    @Test
    void nullHeadIsEmpty() {
        assertThat(resolver.resolve("a.pdf", null)).isEqualTo("application/pdf");
        assertThat(resolver.resolve("a", null)).isNull();
        assertThat(resolver.resolve(null, null)).isNull();
    }

    @Test
    void cutSamplesReallyEndInsideACharacter() {
        for (String s : new String[] {"cut2", "cut3", "cut4"}) {
            byte[] content = SAMPLES.get(s);
            assertThat(content.length).isGreaterThan(ContentTypeResolver.HEAD_SIZE);
            byte last = content[ContentTypeResolver.HEAD_SIZE - 1];
            assertThat(last & 0xC0).as("%s: last byte of head is a lead byte", s).isEqualTo(0xC0);
        }
    }

    @Test
    void typeForNameUsesTheTable() {
        assertThat(DefaultContentTypeResolver.typeForName("a/b/c.Parquet")).isEqualTo("application/vnd.apache.parquet");
        assertThat(DefaultContentTypeResolver.typeForName("noext")).isNull();
        assertThat(DefaultContentTypeResolver.typeForName(null)).isNull();
    }

    @Test
    void tikaIsAskedOnlyWhenTheRulesFindNothing() {
        // tika-core is on this module's TEST classpath only; the component has no dependency on it (the example
        // module, which has no Tika at all, detects text/csv and application/json in its own test)
        assertThat(classPresent("org.apache.tika.Tika")).isTrue();
        byte[] psd = new byte[64];
        System.arraycopy(new byte[] { '8', 'B', 'P', 'S', 0, 1 }, 0, psd, 0, 6);
        assertThat(new DefaultContentTypeResolver(false).resolve("layers", psd)).as("own rules only").isNull();
        assertThat(new DefaultContentTypeResolver(true).resolve("layers", psd)).isEqualTo("image/vnd.adobe.photoshop");
        // Tika's "no idea" (application/octet-stream) is still "no answer"
        assertThat(new DefaultContentTypeResolver(true).resolve("blob", SAMPLES.get("binary"))).isNull();
        // the rules still win where they know the type
        assertThat(new DefaultContentTypeResolver(true).resolve("x.png", SAMPLES.get("png"))).isEqualTo("image/png");
    }

    private static boolean classPresent(String name) {
        try {
            Class.forName(name);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    // ------------------------------------------------------------------ samples

    private static Map<String, byte[]> samples() {
        try {
            Map<String, byte[]> m = new LinkedHashMap<>();
            m.put("png", image("png"));
            m.put("jpeg", image("jpeg"));
            m.put("gif", image("gif"));
            m.put("webp", webp());
            m.put("pdf", ascii("%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
                    + "2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"));
            m.put("zip", zip("hello.txt", "hello"));
            // End-of-central-directory record only: "PK\5\6" + 18 zero bytes is a valid empty ZIP
            byte[] emptyZip = new byte[22];
            emptyZip[0] = 'P';
            emptyZip[1] = 'K';
            emptyZip[2] = 5;
            emptyZip[3] = 6;
            m.put("emptyzip", emptyZip);
            m.put("docx", zip("[Content_Types].xml", "<?xml version=\"1.0\"?><Types/>"));
            m.put("jar", jar());
            m.put("gzip", gzip("a,b\n1,2\n"));
            m.put("tar", tar());
            m.put("parquet", parquet());
            m.put("avro", avro());
            m.put("mp4", ftyp("isom", "isom", "iso2", "mp41"));
            m.put("m4a", ftyp("M4A ", "M4A ", "mp42", "isom"));
            m.put("mp3id3", mp3(true));
            m.put("mp3sync", mp3(false));
            m.put("json", utf8("{\"name\": \"caf\u00e9\", \"n\": [1, 2, 3]}"));
            m.put("jsonarray", utf8("[\n  {\"id\": 1},\n  {\"id\": 2}\n]\n"));
            m.put("jsonbom", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8(" \r\n\t{\"a\":true}")));
            m.put("xml", utf8("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<order id=\"1\"><item>\u00e9</item></order>\n"));
            m.put("svg", utf8("<?xml version=\"1.0\"?>\n<!-- icon -->\n<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" "
                    + "\"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\">\n"
                    + "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1\" height=\"1\"/>\n"));
            m.put("html", utf8("<!DOCTYPE html>\n<html lang=\"en\"><head><title>t</title></head><body>\u00e9</body></html>"));
            m.put("htmlupper", utf8("\n  <HTML>\n<BODY>hi</BODY></HTML>"));
            m.put("csv", utf8("id,name,price\n1,caf\u00e9,3.50\n2,\"tea, green\",2.00\r\n"));
            m.put("text", utf8("Dear reader,\n\tthis is plain text with \u00fcnicode \u2014 and a form feed\f.\n"));
            m.put("readme", utf8("[![Build](https://ci.example/badge.svg)](https://ci.example)\n# Title\n"));
            m.put("ini", utf8("[section]\nkey=value\n"));
            m.put("prose", utf8("Just some words.\n"));
            m.put("cut2", cut("a", "\u00e9"));          // 2-byte char split after its lead byte
            m.put("cut3", cut("ab", "\u20ac"));         // 3-byte char: head ends after the lead byte
            m.put("cut4", cut("abc", "\ud83d\ude00"));  // 4-byte char (emoji): head ends after the lead byte
            m.put("utf16", concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, "a;b\n1;2\n".getBytes(StandardCharsets.UTF_16LE)));
            byte[] binary = new byte[4096];
            new Random(42).nextBytes(binary);
            binary[0] = 0; // no signature: starts with NULs
            binary[1] = 0;
            binary[2] = 0x13;
            m.put("binary", binary);
            m.put("latin1", "caf\u00e9 cr\u00e8me\n".getBytes(StandardCharsets.ISO_8859_1));
            m.put("empty", new byte[0]);
            return m;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] image(String format) throws IOException {
        BufferedImage img = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
        img.setRGB(1, 1, 0xFF0000);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(img, format, out)) {
            throw new IOException("no ImageIO writer for " + format);
        }
        return out.toByteArray();
    }

    /** RIFF little-endian size, "WEBP", then a VP8L chunk header and a few payload bytes. */
    private static byte[] webp() {
        byte[] payload = {0x2F, 0x00, 0x00, 0x00, 0x00, 0x07, 0x10, 0x11, 0x11, 0x00};
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ascii("RIFF"));
        out.writeBytes(le32(4 + 8 + payload.length));
        out.writeBytes(ascii("WEBPVP8L"));
        out.writeBytes(le32(payload.length));
        out.writeBytes(payload);
        return out.toByteArray();
    }

    private static byte[] zip(String entry, String content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(entry));
            zip.write(utf8(content));
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    private static byte[] jar() throws IOException {
        Manifest mf = new Manifest();
        mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(out, mf)) {
            jar.putNextEntry(new ZipEntry("a/B.class"));
            jar.write(new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE});
            jar.closeEntry();
        }
        return out.toByteArray();
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(utf8(text));
        }
        return out.toByteArray();
    }

    /** POSIX ustar: 512-byte header (name at 0, "ustar\0" + "00" at 257), one data block, two zero blocks. */
    private static byte[] tar() {
        byte[] t = new byte[512 * 4];
        put(t, 0, "hello.txt");
        put(t, 100, "0000644\0");
        put(t, 124, "00000000005\0");
        put(t, 156, "0");
        put(t, 257, "ustar\0");
        put(t, 263, "00");
        put(t, 512, "hello");
        return t;
    }

    /** "PAR1", a few bytes standing for a column chunk, footer length (LE) and the trailing "PAR1". */
    private static byte[] parquet() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ascii("PAR1"));
        out.writeBytes(new byte[] {0x15, 0x00, 0x15, 0x1C, 0x15, 0x1C, 0x2C, 0x15, 0x02, 0x00});
        out.writeBytes(le32(0));
        out.writeBytes(ascii("PAR1"));
        return out.toByteArray();
    }

    /** Avro object container: "Obj" 0x01, then the metadata map (zig-zag count 1 = 0x02, key "avro.schema"). */
    private static byte[] avro() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {'O', 'b', 'j', 1, 0x02, 0x16});
        out.writeBytes(ascii("avro.schema"));
        out.write(0x0C);
        out.writeBytes(ascii("\"long\""));
        out.write(0x00);
        out.writeBytes(new byte[16]); // sync marker
        return out.toByteArray();
    }

    /** ISO-BMFF: big-endian box size, "ftyp", major brand, minor version 0x200, compatible brands; then a free box. */
    private static byte[] ftyp(String major, String... compatible) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(be32(16 + 4 * compatible.length));
        out.writeBytes(ascii("ftyp" + major));
        out.writeBytes(be32(0x200));
        for (String c : compatible) {
            out.writeBytes(ascii(c));
        }
        out.writeBytes(be32(8));
        out.writeBytes(ascii("free"));
        return out.toByteArray();
    }

    /**
     * An MPEG-1 Layer III frame header FF FB 90 64 (128 kbit/s, 44.1 kHz) padded with zeros to the 417-byte
     * frame, preceded (id3=true) by an empty ID3v2.4 tag "ID3" 04 00 00 + syncsafe size 0.
     */
    private static byte[] mp3(boolean id3) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (id3) {
            out.writeBytes(new byte[] {'I', 'D', '3', 4, 0, 0, 0, 0, 0, 0});
        }
        byte[] frame = new byte[417];
        frame[0] = (byte) 0xFF;
        frame[1] = (byte) 0xFB;
        frame[2] = (byte) 0x90;
        frame[3] = (byte) 0x64;
        out.writeBytes(frame);
        return out.toByteArray();
    }

    /** prefix + ch repeated so that byte HEAD_SIZE-1 is the lead byte of ch (the head cuts ch). */
    private static byte[] cut(String prefix, String ch) {
        int chLen = utf8(ch).length;
        StringBuilder sb = new StringBuilder(prefix);
        int bytes = prefix.length();
        while (bytes + chLen <= ContentTypeResolver.HEAD_SIZE - 1) {
            sb.append(ch);
            bytes += chLen;
        }
        // pad with ASCII until the next ch starts exactly at HEAD_SIZE - 1
        while (bytes < ContentTypeResolver.HEAD_SIZE - 1) {
            sb.append('x');
            bytes++;
        }
        sb.append(ch).append(ch).append("\n");
        return utf8(sb.toString());
    }

    private static void put(byte[] t, int off, String s) {
        byte[] b = ascii(s);
        System.arraycopy(b, 0, t, off, b.length);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    private static byte[] le32(int v) {
        return new byte[] {(byte) v, (byte) (v >> 8), (byte) (v >> 16), (byte) (v >> 24)};
    }

    private static byte[] be32(int v) {
        return new byte[] {(byte) (v >> 24), (byte) (v >> 16), (byte) (v >> 8), (byte) v};
    }
}

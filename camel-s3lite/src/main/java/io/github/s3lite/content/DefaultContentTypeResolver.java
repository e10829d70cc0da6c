package io.github.s3lite.content;

import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Extension + magic bytes; the bytes win where the extension lies or is missing.
 *
 * <h2>Algorithm</h2>
 * <ol>
 * <li><b>Binary signatures</b> (PNG, JPEG, GIF, WebP, PDF, ZIP, gzip, tar, Parquet, Avro, MP4, MP3, ...) always
 * win over the name: a PNG called {@code photo.jpg} or {@code notes.txt} is {@code image/png}. The name is only
 * used to pick a member of a container family the bytes cannot tell apart: ZIP ({@code .docx}, {@code .xlsx},
 * {@code .jar}, ...), ISO-BMFF with a generic brand ({@code .m4a}, {@code .mov}) and Ogg.</li>
 * <li><b>Text</b>: when the head is valid UTF-8 (a UTF-8 BOM is allowed; a multi-byte character cut at the end
 * of the head is tolerated) without NUL or control characters other than TAB, LF, CR and FF, it is text.
 * Markup is recognised first: {@code <!doctype html}/{@code <html} is {@code text/html}; {@code <?xml} is
 * {@code application/xml} unless the name picks an XML type ({@code .svg}, {@code .xsd}, {@code .rss}, ...) or the
 * root element is {@code <svg>}; a JSON object/array start is {@code application/json} unless the name is a text
 * type that JSON is valid content of ({@code .txt}, {@code .md}, {@code .yaml}, {@code .ndjson}, ...). Other text
 * takes the type of a textual extension ({@code .csv} to {@code text/csv}, {@code .md} to {@code text/markdown},
 * ...); a binary extension (text named {@code .png}) is contradicted and gives {@code text/plain}.
 * A UTF-16 BOM gives text with charset utf-16.</li>
 * <li><b>Nothing recognisable</b> (empty head, binary without a known signature, 8-bit non-UTF-8 text):
 * the extension table decides; with no known extension, Apache Tika is consulted when it is on the classpath
 * (reflection only, no compile dependency; disable with {@code new DefaultContentTypeResolver(false)}), else
 * {@code null}.</li>
 * </ol>
 *
 * <h2>Charset parameter</h2>
 * A {@code "; charset=utf-8"} (or {@code utf-16}) parameter is appended to {@code text/*} types, and only to them,
 * exactly when the bytes were examined and verified to be text in that encoding. Types decided by the name
 * alone (empty or undecodable head) carry no parameter. {@code application/json}, {@code application/xml},
 * {@code image/svg+xml}, {@code application/yaml} etc. never carry one (JSON is UTF-8 by definition, XML declares
 * its own encoding).
 *
 * <p>Thread-safe and stateless.
 */
public final class DefaultContentTypeResolver implements ContentTypeResolver {

    public static final String OCTET_STREAM = "application/octet-stream";

    /** Families let the name refine what the bytes can only tell approximately. */
    private enum Family {
        /** A binary type with nothing to refine. */
        BINARY,
        /** ZIP container (docx, jar, epub, ...). */
        ZIP,
        /** ISO base media file (mp4, m4a, mov). */
        MP4,
        /** Ogg container. */
        OGG,
        /** XML vocabularies. */
        XML,
        /** HTML. */
        HTML,
        /** JSON and JSON-based formats. */
        JSON,
        /** Other textual formats (JSON content is acceptable for them). */
        TEXT
    }

    private record Ext(String type, Family family) {
        boolean textual() {
            return family == Family.XML || family == Family.HTML || family == Family.JSON || family == Family.TEXT;
        }
    }

    private static final Map<String, Ext> EXTENSIONS;

    static {
        Map<String, Ext> m = new HashMap<>();
        // images
        put(m, Family.BINARY, "image/png", "png");
        put(m, Family.BINARY, "image/jpeg", "jpg", "jpeg", "jpe", "jfif");
        put(m, Family.BINARY, "image/gif", "gif");
        put(m, Family.BINARY, "image/webp", "webp");
        put(m, Family.BINARY, "image/bmp", "bmp");
        put(m, Family.BINARY, "image/tiff", "tif", "tiff");
        put(m, Family.BINARY, "image/vnd.microsoft.icon", "ico");
        put(m, Family.BINARY, "image/avif", "avif");
        put(m, Family.BINARY, "image/heic", "heic");
        put(m, Family.BINARY, "image/heif", "heif");
        put(m, Family.XML, "image/svg+xml", "svg");
        // documents
        put(m, Family.BINARY, "application/pdf", "pdf");
        put(m, Family.BINARY, "application/msword", "doc");
        put(m, Family.BINARY, "application/vnd.ms-excel", "xls");
        put(m, Family.BINARY, "application/vnd.ms-powerpoint", "ppt");
        put(m, Family.TEXT, "application/rtf", "rtf");
        // ZIP family
        put(m, Family.ZIP, "application/zip", "zip");
        put(m, Family.ZIP, "application/java-archive", "jar", "war", "ear");
        put(m, Family.ZIP, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx");
        put(m, Family.ZIP, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");
        put(m, Family.ZIP, "application/vnd.openxmlformats-officedocument.presentationml.presentation", "pptx");
        put(m, Family.ZIP, "application/vnd.oasis.opendocument.text", "odt");
        put(m, Family.ZIP, "application/vnd.oasis.opendocument.spreadsheet", "ods");
        put(m, Family.ZIP, "application/vnd.oasis.opendocument.presentation", "odp");
        put(m, Family.ZIP, "application/epub+zip", "epub");
        put(m, Family.ZIP, "application/vnd.android.package-archive", "apk");
        put(m, Family.ZIP, "application/vnd.google-earth.kmz", "kmz");
        // other archives / compression
        put(m, Family.BINARY, "application/gzip", "gz", "tgz");
        put(m, Family.BINARY, "application/x-tar", "tar");
        put(m, Family.BINARY, "application/x-bzip2", "bz2");
        put(m, Family.BINARY, "application/x-xz", "xz");
        put(m, Family.BINARY, "application/x-7z-compressed", "7z");
        put(m, Family.BINARY, "application/zstd", "zst");
        put(m, Family.BINARY, "application/vnd.rar", "rar");
        // data
        put(m, Family.BINARY, "application/vnd.apache.parquet", "parquet");
        put(m, Family.BINARY, "application/avro", "avro");
        put(m, Family.BINARY, "application/vnd.sqlite3", "sqlite", "sqlite3", "db");
        put(m, Family.BINARY, "application/wasm", "wasm");
        put(m, Family.BINARY, "application/java-vm", "class");
        put(m, Family.BINARY, OCTET_STREAM, "bin", "exe", "dll", "so");
        // audio / video
        put(m, Family.BINARY, "audio/mpeg", "mp3");
        put(m, Family.BINARY, "audio/aac", "aac");
        put(m, Family.BINARY, "audio/wav", "wav");
        put(m, Family.BINARY, "audio/flac", "flac");
        put(m, Family.MP4, "video/mp4", "mp4");
        put(m, Family.MP4, "audio/mp4", "m4a");
        put(m, Family.MP4, "video/x-m4v", "m4v");
        put(m, Family.MP4, "video/quicktime", "mov");
        put(m, Family.MP4, "video/3gpp", "3gp");
        put(m, Family.OGG, "audio/ogg", "ogg", "oga", "opus");
        put(m, Family.OGG, "video/ogg", "ogv");
        put(m, Family.BINARY, "video/webm", "webm");
        put(m, Family.BINARY, "video/x-matroska", "mkv");
        put(m, Family.BINARY, "video/x-msvideo", "avi");
        // fonts
        put(m, Family.BINARY, "font/woff", "woff");
        put(m, Family.BINARY, "font/woff2", "woff2");
        put(m, Family.BINARY, "font/ttf", "ttf");
        put(m, Family.BINARY, "font/otf", "otf");
        // XML family
        put(m, Family.XML, "application/xml", "xml", "xsd");
        put(m, Family.XML, "application/xslt+xml", "xsl", "xslt");
        put(m, Family.XML, "application/xhtml+xml", "xhtml");
        put(m, Family.XML, "application/rss+xml", "rss");
        put(m, Family.XML, "application/atom+xml", "atom");
        put(m, Family.XML, "application/wsdl+xml", "wsdl");
        put(m, Family.XML, "application/gpx+xml", "gpx");
        put(m, Family.XML, "application/vnd.google-earth.kml+xml", "kml");
        // HTML
        put(m, Family.HTML, "text/html", "html", "htm");
        // JSON family
        put(m, Family.JSON, "application/json", "json");
        put(m, Family.JSON, "application/geo+json", "geojson");
        put(m, Family.JSON, "application/ld+json", "jsonld");
        put(m, Family.JSON, "application/x-ndjson", "ndjson", "jsonl");
        put(m, Family.JSON, "application/manifest+json", "webmanifest");
        // text family
        put(m, Family.TEXT, "text/plain", "txt", "text", "log", "ini", "cfg", "conf", "properties");
        put(m, Family.TEXT, "text/csv", "csv");
        put(m, Family.TEXT, "text/tab-separated-values", "tsv");
        put(m, Family.TEXT, "text/markdown", "md", "markdown");
        put(m, Family.TEXT, "application/yaml", "yaml", "yml");
        put(m, Family.TEXT, "application/toml", "toml");
        put(m, Family.TEXT, "text/css", "css");
        put(m, Family.TEXT, "text/javascript", "js", "mjs");
        put(m, Family.TEXT, "application/sql", "sql");
        put(m, Family.TEXT, "application/x-sh", "sh");
        put(m, Family.TEXT, "text/x-python", "py");
        put(m, Family.TEXT, "text/x-java-source", "java");
        put(m, Family.TEXT, "text/calendar", "ics");
        put(m, Family.TEXT, "text/vcard", "vcf");
        put(m, Family.TEXT, "text/vtt", "vtt");
        put(m, Family.TEXT, "application/xml-dtd", "dtd");
        EXTENSIONS = Collections.unmodifiableMap(m);
    }

    private static void put(Map<String, Ext> m, Family family, String type, String... exts) {
        for (String e : exts) {
            if (m.put(e, new Ext(type, family)) != null) {
                throw new IllegalStateException("duplicate extension " + e);
            }
        }
    }

    private static final byte[] EMPTY = new byte[0];

    private final boolean consultTika;

    /** Consults Apache Tika (when on the classpath) as a last resort. */
    public DefaultContentTypeResolver() {
        this(true);
    }

    /** @param consultTika whether Apache Tika, when on the classpath, is asked when these rules find nothing */
    public DefaultContentTypeResolver(boolean consultTika) {
        this.consultTika = consultTika;
    }

    @Override
    public String resolve(String name, byte[] head) {
        byte[] h = head == null ? EMPTY : head;
        Ext ext = EXTENSIONS.get(extension(name));
        String type = detect(h, ext);
        if (type == null && consultTika && h.length > 0) {
            type = TikaHolder.detect(name, h);
        }
        return type;
    }

    /**
     * The type the extension table gives for a name, ignoring content (no charset parameter).
     *
     * @return the MIME type, or null when the name has no known extension
     */
    public static String typeForName(String name) {
        Ext ext = EXTENSIONS.get(extension(name));
        return ext == null ? null : ext.type();
    }

    /** Lower-cased extension of the last path segment, or "" (dot files such as ".bashrc" have none). */
    static String extension(String name) {
        if (name == null) {
            return "";
        }
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        String base = name.substring(slash + 1);
        int dot = base.lastIndexOf('.');
        if (dot <= 0 || dot == base.length() - 1) {
            return "";
        }
        return base.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static String detect(byte[] h, Ext ext) {
        String magic = magic(h, ext);
        if (magic != null) {
            return magic;
        }
        if (h.length == 0) {
            return ext == null ? null : ext.type();
        }
        String charset = textCharset(h);
        if (charset == null) {
            // unknown binary, or 8-bit text that is not UTF-8: only the name can tell
            return ext == null ? null : ext.type();
        }
        if (charset.equals("utf-8")) {
            String markup = markup(h, ext);
            if (markup != null) {
                return markup;
            }
        }
        if (ext != null && ext.textual() && contentFits(h, ext.family())) {
            return withCharset(ext.type(), charset);
        }
        return withCharset("text/plain", charset);
    }

    private static String withCharset(String type, String charset) {
        return type.startsWith("text/") ? type + "; charset=" + charset : type;
    }

    // ---------------------------------------------------------------- binary signatures

    private static String magic(byte[] h, Ext ext) {
        int n = h.length;
        if (n >= 8 && startsWith(h, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return "image/png";
        }
        if (n >= 3 && startsWith(h, 0, 0xFF, 0xD8, 0xFF)) {
            return "image/jpeg";
        }
        if (n >= 6 && (ascii(h, 0, "GIF87a") || ascii(h, 0, "GIF89a"))) {
            return "image/gif";
        }
        if (n >= 12 && ascii(h, 0, "RIFF")) {
            if (ascii(h, 8, "WEBP")) {
                return "image/webp";
            }
            if (ascii(h, 8, "WAVE")) {
                return "audio/wav";
            }
            if (ascii(h, 8, "AVI ")) {
                return "video/x-msvideo";
            }
        }
        if (n >= 5 && ascii(h, 0, "%PDF-")) {
            return "application/pdf";
        }
        if (n >= 4 && (startsWith(h, 0, 'P', 'K', 3, 4) || startsWith(h, 0, 'P', 'K', 5, 6)
                || startsWith(h, 0, 'P', 'K', 7, 8))) {
            return ext != null && ext.family() == Family.ZIP ? ext.type() : "application/zip";
        }
        if (n >= 2 && startsWith(h, 0, 0x1F, 0x8B)) {
            return "application/gzip";
        }
        if (n >= 263 && ascii(h, 257, "ustar") && (h[262] == 0 || h[262] == ' ')) {
            return "application/x-tar";
        }
        if (n >= 4 && ascii(h, 0, "PAR1")) {
            return "application/vnd.apache.parquet";
        }
        if (n >= 4 && startsWith(h, 0, 'O', 'b', 'j', 1)) {
            return "application/avro";
        }
        if (n >= 12 && ascii(h, 4, "ftyp")) {
            return isoBmff(h, ext);
        }
        if (n >= 10 && ascii(h, 0, "ID3") && (h[3] >= 2 && h[3] <= 4) && (h[4] & 0xFF) != 0xFF) {
            return "audio/mpeg";
        }
        if (n >= 3 && (h[0] & 0xFF) == 0xFF && (h[1] & 0xE0) == 0xE0 && !(n >= 2 && isUtf16Bom(h))) {
            int version = (h[1] >> 3) & 0x03; // 01 reserved
            int layer = (h[1] >> 1) & 0x03;   // 00 = ADTS (AAC) when version bits say MPEG-2/4
            int bitrate = (h[2] >> 4) & 0x0F;
            int rate = (h[2] >> 2) & 0x03;
            if (layer != 0 && version != 1 && bitrate != 0x0F && rate != 3) {
                return "audio/mpeg";
            }
            if (layer == 0 && (h[1] & 0xF6) == 0xF0) {
                return "audio/aac";
            }
        }
        if (n >= 4 && ascii(h, 0, "OggS")) {
            return ext != null && ext.family() == Family.OGG ? ext.type() : "audio/ogg";
        }
        if (n >= 4 && ascii(h, 0, "fLaC")) {
            return "audio/flac";
        }
        if (n >= 4 && startsWith(h, 0, 0x1A, 0x45, 0xDF, 0xA3)) {
            return indexOf(h, "webm", 64) >= 0 ? "video/webm" : "video/x-matroska";
        }
        if (n >= 4 && (ascii(h, 0, "II*\0") || ascii(h, 0, "MM\0*"))) {
            return "image/tiff";
        }
        if (n >= 14 && ascii(h, 0, "BM") && h[6] == 0 && h[7] == 0 && h[8] == 0 && h[9] == 0) {
            return "image/bmp";
        }
        if (n >= 6 && startsWith(h, 0, 0, 0, 1, 0) && (h[4] != 0 || h[5] != 0)) {
            return "image/vnd.microsoft.icon";
        }
        if (n >= 3 && ascii(h, 0, "BZh")) {
            return "application/x-bzip2";
        }
        if (n >= 6 && startsWith(h, 0, 0xFD, '7', 'z', 'X', 'Z', 0)) {
            return "application/x-xz";
        }
        if (n >= 6 && startsWith(h, 0, '7', 'z', 0xBC, 0xAF, 0x27, 0x1C)) {
            return "application/x-7z-compressed";
        }
        if (n >= 4 && startsWith(h, 0, 0x28, 0xB5, 0x2F, 0xFD)) {
            return "application/zstd";
        }
        if (n >= 6 && ascii(h, 0, "Rar!\u001A\u0007")) {
            return "application/vnd.rar";
        }
        if (n >= 4 && ascii(h, 0, "\0asm")) {
            return "application/wasm";
        }
        if (n >= 16 && ascii(h, 0, "SQLite format 3\0")) {
            return "application/vnd.sqlite3";
        }
        if (n >= 4 && ascii(h, 0, "wOFF")) {
            return "font/woff";
        }
        if (n >= 4 && ascii(h, 0, "wOF2")) {
            return "font/woff2";
        }
        if (n >= 4 && ascii(h, 0, "OTTO")) {
            return "font/otf";
        }
        return null;
    }

    /** ISO base media file format ("ftyp" box at offset 4): the major brand decides, else the name, else video/mp4. */
    private static String isoBmff(byte[] h, Ext ext) {
        String brand = new String(h, 8, 4, StandardCharsets.ISO_8859_1);
        switch (brand) {
            case "M4A ", "M4B ", "M4P ", "F4A ", "F4B ":
                return "audio/mp4";
            case "qt  ":
                return "video/quicktime";
            case "heic", "heix", "hevc", "hevx", "heim", "heis":
                return "image/heic";
            case "mif1", "msf1":
                return "image/heif";
            case "avif", "avis":
                return "image/avif";
            default:
                break;
        }
        if (brand.startsWith("3gp")) {
            return "video/3gpp";
        }
        if (brand.startsWith("3g2")) {
            return "video/3gpp2";
        }
        return ext != null && ext.family() == Family.MP4 ? ext.type() : "video/mp4";
    }

    // ---------------------------------------------------------------- text

    private static boolean isUtf16Bom(byte[] h) {
        int b0 = h[0] & 0xFF;
        int b1 = h[1] & 0xFF;
        return (b0 == 0xFE && b1 == 0xFF) || (b0 == 0xFF && b1 == 0xFE);
    }

    /**
     * "utf-8" when the head is UTF-8 text (optional BOM; a character cut at the very end is tolerated) with no
     * control characters other than TAB, LF, CR, FF; "utf-16" for a UTF-16 BOM; null otherwise.
     */
    static String textCharset(byte[] h) {
        int n = h.length;
        if (n >= 2 && isUtf16Bom(h)) {
            // FF FE 00 00 is the UTF-32LE BOM
            boolean utf32 = n >= 4 && (h[0] & 0xFF) == 0xFF && h[2] == 0 && h[3] == 0;
            return utf32 ? null : "utf-16";
        }
        int i = startsWith(h, 0, 0xEF, 0xBB, 0xBF) ? 3 : 0;
        while (i < n) {
            int b = h[i] & 0xFF;
            if (b < 0x80) {
                if ((b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f') || b == 0x7F) {
                    return null;
                }
                i++;
                continue;
            }
            int need;
            int lo = 0x80;
            int hi = 0xBF;
            if (b >= 0xC2 && b <= 0xDF) {
                need = 1;
                if (b == 0xC2) {
                    lo = 0xA0; // U+0080..U+009F are C1 control characters
                }
            } else if (b >= 0xE0 && b <= 0xEF) {
                need = 2;
                if (b == 0xE0) {
                    lo = 0xA0; // overlong
                } else if (b == 0xED) {
                    hi = 0x9F; // surrogates
                }
            } else if (b >= 0xF0 && b <= 0xF4) {
                need = 3;
                if (b == 0xF0) {
                    lo = 0x90; // overlong
                } else if (b == 0xF4) {
                    hi = 0x8F; // > U+10FFFF
                }
            } else {
                return null;
            }
            for (int k = 1; k <= need; k++) {
                if (i + k >= n) {
                    return "utf-8"; // the head was cut inside a character: what we saw is valid so far
                }
                int c = h[i + k] & 0xFF;
                if (k == 1 ? (c < lo || c > hi) : (c & 0xC0) != 0x80) {
                    return null;
                }
            }
            i += need + 1;
        }
        return "utf-8";
    }

    /** HTML, XML, SVG and JSON recognition for UTF-8 text. */
    private static String markup(byte[] h, Ext ext) {
        int p = skipWs(h, startsWith(h, 0, 0xEF, 0xBB, 0xBF) ? 3 : 0);
        if (p >= h.length) {
            return null;
        }
        if (asciiIgnoreCase(h, p, "<!doctype html") || tagAt(h, p, "<html")) {
            return withCharset("text/html", "utf-8");
        }
        if (ascii(h, p, "<?xml")) {
            if (ext != null && ext.family() == Family.XML) {
                return ext.type();
            }
            if (ext != null && ext.family() == Family.HTML) {
                return withCharset(ext.type(), "utf-8"); // XHTML served as .html
            }
            return tagAt(h, rootElement(h, p), "<svg") ? "image/svg+xml" : "application/xml";
        }
        if (tagAt(h, p, "<svg")) {
            return "image/svg+xml";
        }
        if (looksLikeJson(h, p)) {
            if (ext != null && (ext.family() == Family.JSON || ext.family() == Family.TEXT)) {
                // JSON is valid content of these (a .txt, .md, .yaml or .ndjson holding JSON): the name is not lying
                return withCharset(ext.type(), "utf-8");
            }
            return "application/json";
        }
        return null;
    }

    /** Whether text content is plausible for a textual extension; plain prose named .xml or .json is not. */
    private static boolean contentFits(byte[] h, Family family) {
        if (family == Family.XML || family == Family.HTML) {
            int p = skipWs(h, startsWith(h, 0, 0xEF, 0xBB, 0xBF) ? 3 : 0);
            return p >= h.length || h[p] == '<';
        }
        if (family == Family.JSON) {
            int p = skipWs(h, startsWith(h, 0, 0xEF, 0xBB, 0xBF) ? 3 : 0);
            return p >= h.length || isJsonValueStart(h, p);
        }
        return true;
    }

    private static boolean looksLikeJson(byte[] h, int p) {
        if (h[p] == '{') {
            int q = skipWs(h, p + 1);
            return q >= h.length || h[q] == '"' || h[q] == '}';
        }
        if (h[p] == '[') {
            int q = skipWs(h, p + 1);
            return q >= h.length || h[q] == ']' || isJsonValueStart(h, q);
        }
        return false;
    }

    private static boolean isJsonValueStart(byte[] h, int q) {
        byte c = h[q];
        if (c == '"' || c == '{' || c == '[' || c == '-' || (c >= '0' && c <= '9')) {
            return true;
        }
        return literal(h, q, "true") || literal(h, q, "false") || literal(h, q, "null");
    }

    /** The literal, or a prefix of it cut by the end of the head. */
    private static boolean literal(byte[] h, int q, String lit) {
        int k = 0;
        while (k < lit.length() && q + k < h.length) {
            if (h[q + k] != lit.charAt(k)) {
                return false;
            }
            k++;
        }
        return k > 0;
    }

    /** Skips the XML prolog (declaration, PIs, comments, DOCTYPE, whitespace); returns the root element offset. */
    private static int rootElement(byte[] h, int p) {
        int n = h.length;
        while (p < n) {
            p = skipWs(h, p);
            if (ascii(h, p, "<?")) {
                p = indexOf(h, "?>", p, n);
                if (p < 0) {
                    return n;
                }
                p += 2;
            } else if (ascii(h, p, "<!--")) {
                p = indexOf(h, "-->", p, n);
                if (p < 0) {
                    return n;
                }
                p += 3;
            } else if (ascii(h, p, "<!")) {
                int depth = 0;
                while (p < n && !(h[p] == '>' && depth == 0)) {
                    if (h[p] == '[') {
                        depth++;
                    } else if (h[p] == ']') {
                        depth--;
                    }
                    p++;
                }
                p++;
            } else {
                return p;
            }
        }
        return n;
    }

    /** {@code tag} at p followed by whitespace, '>', '/' or the end of the head (case-insensitive). */
    private static boolean tagAt(byte[] h, int p, String tag) {
        if (p < 0 || !asciiIgnoreCase(h, p, tag)) {
            return false;
        }
        int q = p + tag.length();
        if (q >= h.length) {
            return true;
        }
        byte c = h[q];
        return c == '>' || c == '/' || c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f';
    }

    private static int skipWs(byte[] h, int p) {
        while (p < h.length && (h[p] == ' ' || h[p] == '\t' || h[p] == '\r' || h[p] == '\n' || h[p] == '\f')) {
            p++;
        }
        return p;
    }

    // ---------------------------------------------------------------- byte helpers

    private static boolean startsWith(byte[] h, int off, int... sig) {
        if (off + sig.length > h.length) {
            return false;
        }
        for (int i = 0; i < sig.length; i++) {
            if ((h[off + i] & 0xFF) != sig[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean ascii(byte[] h, int off, String s) {
        if (off < 0 || off + s.length() > h.length) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if ((h[off + i] & 0xFF) != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean asciiIgnoreCase(byte[] h, int off, String s) {
        if (off < 0 || off + s.length() > h.length) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            int c = h[off + i] & 0xFF;
            if (Character.toLowerCase(c) != Character.toLowerCase(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] h, String s, int limit) {
        return indexOf(h, s, 0, Math.min(limit, h.length));
    }

    private static int indexOf(byte[] h, String s, int from, int to) {
        for (int i = from; i + s.length() <= to; i++) {
            if (ascii(h, i, s)) {
                return i;
            }
        }
        return -1;
    }

    // ---------------------------------------------------------------- optional Tika

    /** Apache Tika through reflection, loaded on first use; absent or broken Tika means "no answer". */
    private static final class TikaHolder {
        private static final Object TIKA;
        private static final Method DETECT;

        static {
            Object tika = null;
            Method detect = null;
            try {
                Class<?> c = loadTika();
                if (c != null) {
                    tika = c.getConstructor().newInstance();
                    detect = c.getMethod("detect", byte[].class, String.class);
                }
            } catch (Throwable t) { // NOSONAR: any failure (LinkageError included) just disables Tika
                tika = null;
                detect = null;
            }
            TIKA = tika;
            DETECT = detect;
        }

        private static Class<?> loadTika() {
            ClassLoader[] loaders = {DefaultContentTypeResolver.class.getClassLoader(),
                    Thread.currentThread().getContextClassLoader()};
            for (ClassLoader cl : loaders) {
                try {
                    return Class.forName("org.apache.tika.Tika", true, cl);
                } catch (ClassNotFoundException | LinkageError e) {
                    // try the next loader
                }
            }
            return null;
        }

        static String detect(String name, byte[] head) {
            if (DETECT == null) {
                return null;
            }
            try {
                Object r = DETECT.invoke(TIKA, head, name);
                String type = r instanceof String s ? s : null;
                return type == null || type.isBlank() || OCTET_STREAM.equals(type) ? null : type;
            } catch (Throwable t) { // NOSONAR
                return null;
            }
        }
    }
}

package io.github.s3lite.content;

import java.util.Locale;

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
 * <h2>Where each rule lives</h2>
 * This class is the decision procedure; the extension table is the resource {@code extensions.txt}
 * ({@link ExtensionTable}), binary signatures are {@link MagicSignatures}, text and markup rules
 * {@link TextSniffer}, and the optional Tika fallback {@link TikaDetector}.
 *
 * <p>Thread-safe and stateless.
 */
public final class DefaultContentTypeResolver implements ContentTypeResolver {

    /** The type of bytes nothing is known about, used when no rule recognises a name or content. */
    public static final String OCTET_STREAM = "application/octet-stream";

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
        ExtensionTable.Entry ext = ExtensionTable.get(extension(name));
        String type = detect(h, ext);
        if (type == null && consultTika && h.length > 0) {
            type = TikaDetector.detect(name, h);
        }
        return type;
    }

    /**
     * The type the extension table gives for a name, ignoring content (no charset parameter).
     *
     * @return the MIME type, or null when the name has no known extension
     */
    public static String typeForName(String name) {
        ExtensionTable.Entry ext = ExtensionTable.get(extension(name));
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

    private static String detect(byte[] h, ExtensionTable.Entry ext) {
        String magic = MagicSignatures.detect(h, ext);
        if (magic != null) {
            return magic;
        }
        if (h.length == 0) {
            return ext == null ? null : ext.type();
        }
        String charset = TextSniffer.textCharset(h);
        if (charset == null) {
            // unknown binary, or 8-bit text that is not UTF-8: only the name can tell
            return ext == null ? null : ext.type();
        }
        if (charset.equals("utf-8")) {
            String markup = TextSniffer.markup(h, ext);
            if (markup != null) {
                return markup;
            }
        }
        if (ext != null && ext.textual() && TextSniffer.contentFits(h, ext.family())) {
            return withCharset(ext.type(), charset);
        }
        return withCharset("text/plain", charset);
    }

    static String withCharset(String type, String charset) {
        return type.startsWith("text/") ? type + "; charset=" + charset : type;
    }
}

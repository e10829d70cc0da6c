package io.github.s3lite.content;

import static io.github.s3lite.content.Bytes.ascii;
import static io.github.s3lite.content.Bytes.indexOf;
import static io.github.s3lite.content.Bytes.startsWith;

import java.nio.charset.StandardCharsets;

/**
 * Binary signatures (PNG, JPEG, GIF, WebP, PDF, ZIP, gzip, tar, Parquet, Avro, MP4, MP3, ...). The name's
 * {@link Family} only picks a member of a container family the bytes cannot tell apart (ZIP, ISO-BMFF, Ogg).
 */
final class MagicSignatures {

    private MagicSignatures() {
    }

    /** The type the binary signature at the start of {@code h} gives, refined by the name's family; or null. */
    static String detect(byte[] h, ExtensionTable.Entry ext) {
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
        if (n >= 3 && (h[0] & 0xFF) == 0xFF && (h[1] & 0xE0) == 0xE0 && !(n >= 2 && TextSniffer.isUtf16Bom(h))) {
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
    private static String isoBmff(byte[] h, ExtensionTable.Entry ext) {
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
}

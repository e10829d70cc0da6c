package io.github.s3lite.content;

/** Families let the name refine what the bytes can only tell approximately (see {@code extensions.txt}). */
enum Family {
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
    TEXT;

    boolean textual() {
        return this == XML || this == HTML || this == JSON || this == TEXT;
    }
}

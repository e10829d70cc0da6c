package io.github.s3lite.content;

import java.lang.reflect.Method;

/** Apache Tika through reflection, loaded on first use; absent or broken Tika means "no answer". */
final class TikaDetector {

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
            return type == null || type.isBlank() || DefaultContentTypeResolver.OCTET_STREAM.equals(type) ? null : type;
        } catch (Throwable t) { // NOSONAR
            return null;
        }
    }
}

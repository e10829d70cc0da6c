package io.github.s3lite.journal;

import java.io.IOException;

/** The journal file is held by another process (or another lock holder of its lock file). */
public final class JournalInUseException extends IOException {
    private static final long serialVersionUID = 1L;

    public JournalInUseException(String message) {
        super(message);
    }
}

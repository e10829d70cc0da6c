package io.github.s3lite.journal;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import io.github.s3lite.repository.JournalIdempotentRepository;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.processor.idempotent.FileIdempotentRepository;

/**
 * Runs in a forked JVM for {@link JournalKillIT}: threads hammer one repository with the adds and removes of
 * their {@link KillPlan} and print {@code ACK <thread> <op> [<compactions>]} after each returned, until the test kills the JVM.
 * Args: kind(journal|camel) file run threads seed
 */
public final class JournalKillChild {
    private static final FileOutputStream OUT = new FileOutputStream(FileDescriptor.out);

    static synchronized void say(String line) {
        try {
            OUT.write((line + "\n").getBytes(StandardCharsets.UTF_8)); // one write(2) per line: never interleaved
        } catch (IOException e) {
            Runtime.getRuntime().halt(4);
        }
    }

    public static void main(String[] args) throws Exception {
        String kind = args[0];
        Path file = Path.of(args[1]);
        int run = Integer.parseInt(args[2]);
        int threads = Integer.parseInt(args[3]);
        long seed = Long.parseLong(args[4]);
        IdempotentRepository repo;
        if (kind.equals("journal")) {
            JournalIdempotentRepository journal = new JournalIdempotentRepository(file.toString());
            journal.setMinCompactBytes(0); // compact as soon as removed keys outweigh live ones, so kills land in them too
            repo = journal;
        } else {
            repo = FileIdempotentRepository.fileIdempotentRepository(file.toFile(), 1_000_000, 0);
        }
        repo.start();
        say("READY");
        for (int t = 0; t < threads; t++) {
            int thread = t;
            Thread th = new Thread(() -> {
                KillPlan plan = new KillPlan(seed, run, thread);
                for (int i = 0; ; i++) {
                    KillPlan.Op op = plan.next();
                    boolean got = op.add() ? repo.add(op.key()) : repo.remove(op.key());
                    if (got != op.expected()) {
                        say("MISMATCH " + thread + " " + i + " " + op);
                        Runtime.getRuntime().halt(3);
                    }
                    say("ACK " + thread + " " + i + (repo instanceof JournalIdempotentRepository j
                            ? " " + j.getCompactions() : ""));
                }
            });
            th.start();
        }
        Thread.sleep(Long.MAX_VALUE);
    }
}

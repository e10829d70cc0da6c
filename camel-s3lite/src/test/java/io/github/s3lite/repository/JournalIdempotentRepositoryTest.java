package io.github.s3lite.repository;

import java.nio.file.Path;

import io.github.s3lite.journal.Journal;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.PropertyBindingSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JournalIdempotentRepositoryTest {
    @TempDir
    Path tmp;

    @Test
    void durableAcrossStopAndStartAndTwoInstancesOnOneFileAgree() throws Exception {
        String file = tmp.resolve("cp.journal").toString();
        JournalIdempotentRepository a = new JournalIdempotentRepository(file);
        JournalIdempotentRepository b = JournalIdempotentRepository.journalIdempotentRepository(Path.of(file));
        a.start();
        b.start();
        assertThat(a.add("lead:x")).isTrue();
        assertThat(b.add("lead:x")).as("one journal per file in a JVM: add stays atomic").isFalse();
        assertThat(b.contains("lead:x")).isTrue();
        assertThat(a.confirm("lead:x")).isTrue();
        assertThat(b.removeAll(java.util.List.of("lead:x", "other"))).isEqualTo(1);
        assertThat(a.contains("lead:x")).isFalse();
        a.add("kept");
        a.stop();
        assertThat(b.getSize()).isEqualTo(1);
        b.stop();
        assertThat(Journal.readKeys(Path.of(file))).containsExactly("kept");
        a.start();
        assertThat(a.contains("kept")).isTrue();
        a.clear();
        assertThat(a.contains("kept")).isFalse();
        a.stop();
    }

    @Test
    void withoutAFileTheErrorSaysWhatToSet() {
        JournalIdempotentRepository r = new JournalIdempotentRepository();
        assertThatThrownBy(r::start).hasMessageContaining("needs a file").hasMessageContaining("checkpoints.journal");
    }

    @Test
    void definableAsABeanFromTextAsYamlAndCamelMainDo() throws Exception {
        Path file = tmp.resolve("beans/cp.journal");
        try (DefaultCamelContext ctx = new DefaultCamelContext()) {
            Holder h = new Holder();
            // what camel.beans.x=#class:...("...") and a YAML bean with constructors resolve to
            PropertyBindingSupport.build().bind(ctx, h, "repository",
                    "#class:" + JournalIdempotentRepository.class.getName() + "('" + file + "')");
            assertThat(h.getRepository()).isInstanceOf(JournalIdempotentRepository.class);
            h.getRepository().start();
            assertThat(h.getRepository().add("k")).isTrue();
            h.getRepository().stop();
            // no-argument constructor and the file property (Spring XML, YAML properties:)
            Holder h2 = new Holder();
            PropertyBindingSupport.build().bind(ctx, h2, "repository", "#class:" + JournalIdempotentRepository.class.getName());
            PropertyBindingSupport.build().bind(ctx, h2, "repository.file", file.toString());
            h2.getRepository().start();
            assertThat(h2.getRepository().contains("k")).isTrue();
            h2.getRepository().stop();
        }
    }

    public static final class Holder {
        private IdempotentRepository repository;

        public IdempotentRepository getRepository() {
            return repository;
        }

        public void setRepository(IdempotentRepository repository) {
            this.repository = repository;
        }
    }
}

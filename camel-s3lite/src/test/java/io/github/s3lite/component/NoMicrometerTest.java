package io.github.s3lite.component;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import io.github.s3lite.test.EmbeddedS3;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Micrometer is optional (issue 16 point 5): the test class path without the micrometer jars, in a class loader of
 * its own, runs an upload, a consumer delivery and a download ({@link NoMicrometerScenario}, bytes compared by
 * SHA-256), which fails if anything but the Micrometer binding loads a Micrometer type.
 */
class NoMicrometerTest {

    @Test
    void theComponentWorksWithoutMicrometerOnTheClassPath() throws Exception {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<URL> urls = new ArrayList<>();
        int removed = 0;
        for (String entry : cp.split(File.pathSeparator)) {
            if (entry.contains(File.separator + "micrometer-core" + File.separator)) {
                removed++;
                continue;
            }
            urls.add(new File(entry).toURI().toURL());
        }
        assertThat(removed).as("micrometer-core was on the test class path").isEqualTo(1);
        EmbeddedS3 s3 = EmbeddedS3.get();
        String bucket = s3.newBucket("nomicrometer");
        try (URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
            assertThatThrownBy(() -> loader.loadClass("io.micrometer.core.instrument.MeterRegistry"))
                    .isInstanceOf(ClassNotFoundException.class);
            Thread t = Thread.currentThread();
            ClassLoader before = t.getContextClassLoader();
            t.setContextClassLoader(loader);
            try {
                Callable<?> scenario = (Callable<?>) loader.loadClass(NoMicrometerScenario.class.getName())
                        .getConstructor(String.class, String.class, String.class, String.class, String.class)
                        .newInstance(s3.endpoint().toString(), s3.region(), s3.credentials().accessKeyId(),
                                s3.credentials().secretAccessKey(), bucket);
                String[] shas = ((String) scenario.call()).split(" ");
                assertThat(shas[0]).as("downloaded bytes").isEqualTo(shas[1]);
            } finally {
                t.setContextClassLoader(before);
            }
        }
    }
}

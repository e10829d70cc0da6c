package io.github.s3lite.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.StringReader;

import org.junit.jupiter.api.Test;

class ExtensionTableTest {

    @Test
    void theShippedTableLoads() {
        assertThat(ExtensionTable.size()).isGreaterThan(100);
        assertThat(ExtensionTable.get("docx").family()).isEqualTo(Family.ZIP);
        assertThat(ExtensionTable.get("csv").type()).isEqualTo("text/csv");
        assertThat(ExtensionTable.get("bin").type()).isEqualTo(DefaultContentTypeResolver.OCTET_STREAM);
    }

    @Test
    void aDuplicateExtensionIsRefusedWithItsLine() {
        String text = "# comment\nimage/png BINARY png\n\nimage/x-png BINARY PNG\n";
        assertThatThrownBy(() -> ExtensionTable.parse(new BufferedReader(new StringReader(text))))
                .hasMessageContaining("line 4").hasMessageContaining("duplicate extension png");
    }

    @Test
    void aLineWithoutExtensionsOrWithAnUnknownFamilyIsRefused() {
        assertThatThrownBy(() -> ExtensionTable.parse(new BufferedReader(new StringReader("image/png BINARY\n"))))
                .hasMessageContaining("line 1");
        assertThatThrownBy(() -> ExtensionTable.parse(new BufferedReader(new StringReader("a/b PICTURE x\n"))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

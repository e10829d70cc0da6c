package io.github.s3lite.upload;

import io.github.s3lite.client.S3Limits;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** S3's part limits: 5 MiB to 5 GiB, at most 10,000 parts; the part size is raised to fit a known length. */
class PartPlanTest {

    static final long MIB = 1024 * 1024;
    static final long GIB = 1024 * MIB;

    @ParameterizedTest
    @CsvSource({
            // object size, requested part size, expected part size, expected part count
            "0, 8388608, 8388608, 1",
            "1, 8388608, 8388608, 1",
            "8388608, 8388608, 8388608, 1",
            "8388609, 8388608, 8388608, 2",
            "83886080000, 8388608, 8388608, 10000",            // exactly 10,000 parts of 8 MiB
            "83886080001, 8388608, 9437184, 8889",             // one byte more: raised to 9 MiB
            "107374182400, 8388608, 11534336, 9310",           // 100 GiB: 10.24 MiB needed -> 11 MiB
            "5497558138880, 8388608, 550502400, 9987",         // 5 TiB: 524.288 MiB needed -> 525 MiB
    })
    void partSizeIsRaisedToFitTenThousandParts(long size, long requested, long expectedPartSize, int expectedCount) {
        PartPlan plan = PartPlan.forLength(size, requested, S3Limits.MAX_OBJECT_SIZE);
        assertThat(plan.partSize()).isEqualTo(expectedPartSize);
        assertThat(plan.partCount()).isEqualTo(expectedCount).isLessThanOrEqualTo(S3Limits.MAX_PARTS);
        long total = 0;
        for (int n = 1; n <= plan.partCount(); n++) {
            assertThat(plan.offset(n)).isEqualTo(total);
            total += plan.length(n);
            if (n < plan.partCount()) {
                assertThat(plan.length(n)).isEqualTo(plan.partSize());
            }
        }
        assertThat(total).isEqualTo(size);
    }

    @Test
    void limitsFailWithAMessageSayingWhatToFix() {
        assertThatThrownBy(() -> PartPlan.forLength(10, 4 * MIB, S3Limits.MAX_OBJECT_SIZE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("partSize must be between 5 MiB");
        assertThatThrownBy(() -> PartPlan.forLength(10, 6 * GIB, S3Limits.MAX_OBJECT_SIZE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("5 GiB");
        assertThatThrownBy(() -> PartPlan.forLength(2 * GIB, 8 * MIB, GIB))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxObjectSize");
        assertThatThrownBy(() -> PartPlan.forLength(60L * 1024 * GIB, 8 * MIB, 100L * 1024 * GIB))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("10000 parts");
    }
}

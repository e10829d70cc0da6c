package io.github.s3lite.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;

import io.github.s3lite.client.ListPage;
import io.github.s3lite.client.S3LiteClient;
import io.github.s3lite.client.S3ClientConfig;
import io.github.s3lite.client.S3Exception;
import io.github.s3lite.client.auth.Credentials;
import io.github.s3lite.client.auth.CredentialsProvider;
import io.github.s3lite.test.MisbehavingServer;
import org.junit.jupiter.api.Test;

/** The consumer's listing ends every poll against a store that pages forever (issue 12 point 4). */
class ListingCursorTest {

    private static final String LIST_HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ListBucketResult><Name>b</Name>";

    private static S3LiteClient client(MisbehavingServer server, int maxPages) {
        return new S3LiteClient(new S3ClientConfig(server.endpoint(), "us-east-1", true,
                CredentialsProvider.of(new Credentials("a", "b")), null, null, 0, null).withMaxPages(maxPages));
    }

    /** What the consumer's poll does: list and advance until the cursor says stop. */
    private static int onePoll(ListingCursor cursor) {
        cursor.beginPoll();
        int pages = 0;
        boolean more = true;
        while (more) {
            ListPage page = cursor.list();
            pages++;
            more = cursor.advance(page);
        }
        return pages;
    }

    @Test
    void theSameTokenAgainFailsThePollInsteadOfSpinningInIt() throws Exception {
        try (MisbehavingServer server = new MisbehavingServer((req, res) -> res.send(200, LIST_HEAD
                + "<Contents><Key>k</Key><Size>1</Size></Contents><IsTruncated>true</IsTruncated>"
                + "<NextContinuationToken>same</NextContinuationToken></ListBucketResult>"));
                S3LiteClient c = client(server, 1000)) {
            ListingCursor cursor = new ListingCursor(c, "bucket", null, null, false, null);
            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThatThrownBy(() -> onePoll(cursor))
                    .isInstanceOf(S3Exception.class).hasMessageContaining("second time"));
            assertThat(server.requests()).isEqualTo(2);
        }
    }

    @Test
    void freshTokensForeverEndEachPollAtThePageBoundAndTheNextPollGoesOn() throws Exception {
        try (MisbehavingServer server = new MisbehavingServer((req, res) -> res.send(200, LIST_HEAD
                + "<Contents><Key>k" + req.number() + "</Key><Size>1</Size></Contents><IsTruncated>true</IsTruncated>"
                + "<NextContinuationToken>t" + req.number() + "</NextContinuationToken></ListBucketResult>"));
                S3LiteClient c = client(server, 25)) {
            ListingCursor cursor = new ListingCursor(c, "bucket", null, null, false, null);
            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
                assertThat(onePoll(cursor)).isEqualTo(25);
                assertThat(onePoll(cursor)).isEqualTo(25);
            });
            assertThat(server.requests()).isEqualTo(50);
            assertThat(server.seen().get(25).target()).contains("continuation-token=t25");
        }
    }
}

package io.playbooks.confluence;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The CQL lookups of the dead-link check on Data Center (Cloud shares the CQL): batched, quoted, never per link. */
class LinkTargetLookupTest extends ClientTestSupport {

    private FakeConfluence site;
    private ConfluenceClient client;

    @BeforeEach
    void dataCenterSite() {
        site = site(FakeConfluence.dataCenter("/confluence"));
        site.addSpace("OPS", "Operations");
        client = client(site.settings().build());
    }

    @Test
    void titlesAreLookedUpFortyAtATimeAndOnlyCurrentPagesCount() {
        List<String> titles = new ArrayList<>();
        IntStream.range(0, 90).forEach(i -> titles.add("Page " + i));
        IntStream.range(0, 45).forEach(i -> site.addPage("OPS", "Page " + i, List.of(), "<p>x</p>"));
        site.archivePage(site.addPage("OPS", "Page 80", List.of(), "<p>x</p>").id);

        assertThat(client.pageTitles("OPS", titles)).hasSize(45).contains("Page 0", "Page 44").doesNotContain("Page 80");
        assertThat(site.requestCount("title in")).isEqualTo(3);
    }

    @Test
    void titlesWithQuotesCommasAndAndAreFoundAsWritten() {
        String awkward = "Say \"hi\", and go \\ home";
        site.addPage("OPS", awkward, List.of(), "<p>x</p>");

        assertThat(client.pageTitles("OPS", List.of(awkward, "Missing"))).containsExactly(awkward);
    }

    @Test
    void attachmentsAreFoundByFileNameWithThePageHoldingThem() {
        var hosts = site.addPage("OPS", "Hosts", List.of(), "<p>x</p>");
        var other = site.addPage("OPS", "Other", List.of(), "<p>x</p>");
        site.addAttachment(hosts.id, "hosts.csv", "text/csv", new byte[]{1});
        site.addAttachment(other.id, "hosts.csv", "text/csv", new byte[]{1});
        site.addAttachment(other.id, "notes.txt", "text/plain", new byte[]{1});

        assertThat(client.attachmentsNamed("OPS", List.of("hosts.csv", "gone.png")))
                .containsExactlyInAnyOrder(new NamedAttachment(hosts.id, "Hosts", "hosts.csv"),
                        new NamedAttachment(other.id, "Other", "hosts.csv"));
        assertThat(site.requestCount("title in")).isEqualTo(1);
    }

    @Test
    void nothingToLookUpCostsNoRequest() {
        site.resetRequests();

        assertThat(client.pageTitles("OPS", List.of())).isEmpty();
        assertThat(client.attachmentsNamed("OPS", List.of())).isEmpty();
        assertThat(site.requestCount()).isZero();
    }
}

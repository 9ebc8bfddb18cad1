package io.playbooks.confluence;

import io.playbooks.page.SourcePage;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** The page iterator feeds a Camel streaming splitter, which pulls one listing answer at a time. */
class PagesInASplitterTest extends ClientTestSupport {

    @Test
    void aStreamingSplitterGetsEveryPageOnce() throws Exception {
        FakeConfluence site = site(FakeConfluence.dataCenter("/confluence"));
        site.addSpace("OPS", "Operations");
        site.addGeneratedPages("OPS", 520);
        ConfluenceClient client = client(site.settings().deployment(Deployment.DATA_CENTER).build());
        List<String> seen = new CopyOnWriteArrayList<>();
        // a lambda, not a RouteBuilder subclass: Camel Main's package scan must not find test routes
        RouteBuilder.addRoutes(camel, rb -> rb.from("direct:space")
                .process(e -> e.getMessage().setBody(client.pages(e.getMessage().getBody(String.class))))
                .split(rb.body()).streaming()
                .process(e -> seen.add(e.getMessage().getBody(SourcePage.class).id())));

        try (ProducerTemplate template = camel.createProducerTemplate()) {
            template.sendBody("direct:space", "OPS");
        }

        assertThat(seen).hasSize(520).doesNotHaveDuplicates();
        assertThat(site.requestCount("/rest/api/content?")).isEqualTo(3);
    }
}

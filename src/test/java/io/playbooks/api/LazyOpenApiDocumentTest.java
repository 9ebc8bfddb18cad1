package io.playbooks.api;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.support.service.ServiceSupport;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The OpenAPI processor is created and started at the first request, once, and stopped with the route. */
class LazyOpenApiDocumentTest {

    private final CamelContext camel = new DefaultCamelContext();
    private final List<String> calls = new ArrayList<>();

    @Test
    void nothingIsBuiltBeforeTheFirstRequest() throws Exception {
        LazyOpenApiDocument.FirstRequestBuilds processor = new LazyOpenApiDocument.FirstRequestBuilds(this::create);
        processor.start();

        assertThat(calls).isEmpty();
    }

    @Test
    void theFirstRequestBuildsAndStartsTheDocumentAndLaterOnesReuseIt() throws Exception {
        LazyOpenApiDocument.FirstRequestBuilds processor = new LazyOpenApiDocument.FirstRequestBuilds(this::create);
        processor.start();

        Exchange first = new DefaultExchange(camel);
        processor.process(first);
        processor.process(new DefaultExchange(camel));

        assertThat(calls).containsExactly("create", "start", "serve", "serve");
        assertThat(first.getMessage().getBody(String.class)).isEqualTo("{\"openapi\":\"3.1.0\"}");
    }

    @Test
    void stoppingStopsTheBuiltDocument() throws Exception {
        LazyOpenApiDocument.FirstRequestBuilds processor = new LazyOpenApiDocument.FirstRequestBuilds(this::create);
        processor.start();
        processor.process(new DefaultExchange(camel));

        processor.stop();

        assertThat(calls).endsWith("stop");
    }

    @Test
    void aDocumentThatCannotBeBuiltFailsItsRequestAndIsTriedAgainByTheNext() throws Exception {
        boolean[] broken = {true};
        LazyOpenApiDocument.FirstRequestBuilds processor = new LazyOpenApiDocument.FirstRequestBuilds(() -> {
            if (broken[0]) {
                throw new IllegalStateException("no model");
            }
            return create();
        });
        processor.start();

        assertThatThrownBy(() -> processor.process(new DefaultExchange(camel))).hasMessage("no model");
        broken[0] = false;
        processor.process(new DefaultExchange(camel));

        assertThat(calls).containsExactly("create", "start", "serve");
    }

    private Processor create() {
        calls.add("create");
        return new Document();
    }

    private final class Document extends ServiceSupport implements Processor {
        @Override
        protected void doStart() {
            calls.add("start");
        }

        @Override
        protected void doStop() {
            calls.add("stop");
        }

        @Override
        public void process(Exchange exchange) {
            calls.add("serve");
            exchange.getMessage().setBody("{\"openapi\":\"3.1.0\"}");
        }
    }
}

package io.playbooks.api;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.openapi.OpenApiRestApiProcessorFactory;
import org.apache.camel.spi.RestApiProcessorFactory;
import org.apache.camel.spi.RestConfiguration;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.support.service.ServiceSupport;

import java.util.Map;

/**
 * Serves the OpenAPI document of the REST verbs ({@code camel.rest.api-context-path}) as camel-openapi-java does,
 * but builds it at its first request instead of while the routes start: Camel's processor renders the document when
 * it is initialised, which loads swagger's model resolver and introspects every request and answer class, the
 * largest single cost of startup and one that no caller of the API waits for. Camel's rest-api endpoint takes the
 * one {@link RestApiProcessorFactory} of the registry.
 */
public final class LazyOpenApiDocument implements RestApiProcessorFactory {

    private final RestApiProcessorFactory openApi;

    public LazyOpenApiDocument() {
        this(new OpenApiRestApiProcessorFactory());
    }

    LazyOpenApiDocument(RestApiProcessorFactory openApi) {
        this.openApi = openApi;
    }

    @Override
    public Processor createApiProcessor(CamelContext camel, String contextPath, RestConfiguration configuration,
                                        Map<String, Object> parameters) {
        return new FirstRequestBuilds(() -> openApi.createApiProcessor(camel, contextPath, configuration, parameters));
    }

    /** What creates Camel's processor (which renders the document as it starts). */
    @FunctionalInterface
    interface ProcessorSource {
        Processor create() throws Exception;
    }

    /** Creates and starts the real processor at the first request, then hands every request to it. */
    static final class FirstRequestBuilds extends ServiceSupport implements Processor {
        private final ProcessorSource source;
        private volatile Processor built;

        FirstRequestBuilds(ProcessorSource source) {
            this.source = source;
        }

        @Override
        public void process(Exchange exchange) throws Exception {
            built().process(exchange);
        }

        private Processor built() throws Exception {
            Processor processor = built;
            if (processor == null) {
                synchronized (this) {
                    if (built == null) {
                        Processor created = source.create();
                        ServiceHelper.startService(created);
                        built = created;
                    }
                    processor = built;
                }
            }
            return processor;
        }

        @Override
        protected void doStop() {
            ServiceHelper.stopService(built);
        }
    }
}

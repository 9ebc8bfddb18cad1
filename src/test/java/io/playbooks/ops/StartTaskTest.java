package io.playbooks.ops;

import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A start task added while the service is configured (as PlaybooksConfiguration does) runs once when Camel starts its
 * services, after the configuration and before the routes start; one that fails fails the start.
 */
class StartTaskTest {

    private final Main main = new Main();
    private final List<String> order = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        main.stop();
    }

    @Test
    void runsOnceAfterTheConfigurationBeforeTheRoutesStart() throws Exception {
        main.configure().addConfiguration(new CamelConfiguration() {
            @Override
            public void configure(CamelContext camel) throws Exception {
                camel.addRoutes(new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("timer:once?repeatCount=1&delay=-1").routeId("first").process(e -> order.add("route"));
                    }
                });
                camel.addService(new StartTask("learn", () -> order.add("task")));
                order.add("configured");
            }
        });

        main.start();

        List<String> seen = List.copyOf(order);
        assertThat(seen).startsWith("configured", "task").containsOnlyOnce("task");
    }

    @Test
    void aFailingTaskFailsTheStartWithItsError() {
        main.configure().addConfiguration(new CamelConfiguration() {
            @Override
            public void configure(CamelContext camel) throws Exception {
                camel.addService(new StartTask("learn", () -> {
                    throw new IllegalStateException("the database cannot be read");
                }));
            }
        });

        assertThatThrownBy(main::start).hasStackTraceContaining("the database cannot be read");
    }
}

package io.playbooks.ops;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A start task runs when Camel starts its services, before the routes start; one that fails fails the start. */
class StartTaskTest {

    private final CamelContext camel = new DefaultCamelContext();
    private final List<String> order = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        camel.stop();
    }

    @Test
    void runsOnceAtStartBeforeTheRoutesStart() throws Exception {
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("timer:once?repeatCount=1&delay=-1").routeId("first").process(e -> order.add("route"));
            }
        });
        camel.addService(new StartTask("learn", () -> order.add("task:" + camel.getRouteController()
                .getRouteStatus("first"))));
        assertThat(order).isEmpty();

        camel.start();

        assertThat(order.get(0)).isEqualTo("task:Stopped");
        assertThat(order.stream().filter(s -> s.startsWith("task"))).hasSize(1);
    }

    @Test
    void aFailingTaskFailsTheStartWithItsError() {
        camel.addService(new StartTask("learn", () -> {
            throw new IllegalStateException("the database cannot be read");
        }));

        assertThatThrownBy(camel::start).hasRootCauseMessage("the database cannot be read");
    }
}

package io.playbooks.ops;

import org.apache.camel.support.service.ServiceSupport;

/**
 * Work done as Camel starts its services, after the configuration and before any route starts: for work that needs
 * the migrated database, so that the configuration (and the building of the routes) does not wait for the migration.
 * A task that fails fails the start with its error.
 */
public final class StartTask extends ServiceSupport {

    private final String name;
    private final Runnable task;

    public StartTask(String name, Runnable task) {
        this.name = name;
        this.task = task;
    }

    @Override
    protected void doStart() {
        task.run();
    }

    @Override
    public String toString() {
        return "start task: " + name;
    }
}

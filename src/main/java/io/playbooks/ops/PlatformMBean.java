package io.playbooks.ops;

import org.apache.camel.support.service.ServiceSupport;

import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import java.lang.management.ManagementFactory;

/**
 * Keeps an MBean registered in the platform MBean server while Camel runs: registered at start, removed at stop,
 * so that a stopped service leaves nothing behind in the JVM.
 */
public class PlatformMBean extends ServiceSupport {

    private final Object mbean;
    private final ObjectName name;
    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();

    public PlatformMBean(Object mbean, String objectName) throws MalformedObjectNameException {
        this.mbean = mbean;
        this.name = new ObjectName(objectName);
    }

    @Override
    protected void doStart() throws Exception {
        if (server.isRegistered(name)) {
            throw new IllegalStateException("MBean " + name + " is registered already: is another service running in this JVM?");
        }
        server.registerMBean(mbean, name);
    }

    @Override
    protected void doStop() throws Exception {
        if (server.isRegistered(name)) {
            server.unregisterMBean(name);
        }
    }
}

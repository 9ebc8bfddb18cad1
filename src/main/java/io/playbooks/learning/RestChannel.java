package io.playbooks.learning;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Runs at the entry of every REST call (routes/errors.camel.yaml) and says which channel it came by: the dashboard
 * when it names itself with {@link UsageChannel#CLIENT_HEADER}, else the API. It overwrites whatever channel header
 * the request carried, so an HTTP client cannot pass itself off as MCP.
 */
public class RestChannel implements Processor {

    @Override
    public void process(Exchange exchange) {
        String client = exchange.getMessage().getHeader(UsageChannel.CLIENT_HEADER, String.class);
        UsageChannel channel = UsageChannel.DASHBOARD.code().equalsIgnoreCase(client == null ? "" : client.trim())
                ? UsageChannel.DASHBOARD : UsageChannel.API;
        exchange.getMessage().setHeader(UsageChannel.HEADER, channel.code());
    }
}

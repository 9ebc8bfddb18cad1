package io.playbooks.sync;

import io.playbooks.storage.SharedTransaction;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeExtension;
import org.apache.camel.NamedNode;
import org.apache.camel.Processor;
import org.apache.camel.Route;
import org.apache.camel.spi.Policy;

import javax.sql.DataSource;

/**
 * The policy of the routes' {@code policy} blocks around the writes of one page (import-page, and each page of
 * bulk-import): everything the block writes (version, page check, event and deliveries, roll-up, bulk import
 * progress) is one {@link SharedTransaction}, committed when the block ends and rolled back when it failed. One commit
 * per page instead of one per store, and a kill can no longer keep a version without its event or its progress. A
 * block inside another one joins it.
 */
public class PageTransaction implements Policy {

    private final DataSource dataSource;

    public PageTransaction(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void beforeWrap(Route route, NamedNode definition) {
        // nothing to prepare: the transaction is opened per exchange
    }

    @Override
    public Processor wrap(Route route, Processor block) {
        return exchange -> {
            if (SharedTransaction.open()) {
                block.process(exchange);
                return;
            }
            SharedTransaction transaction = SharedTransaction.begin(dataSource);
            try {
                block.process(exchange);
            } catch (Exception | Error e) {
                transaction.rollback();
                throw e;
            }
            if (failed(exchange)) {
                transaction.rollback();
            } else {
                transaction.commit();
            }
        };
    }

    /**
     * Whether the block failed: an exception on the exchange, a rollback asked for, or a failure that an error
     * handler already answered (the REST routes' onException handles it inside the block, clearing the exception).
     */
    static boolean failed(Exchange exchange) {
        ExchangeExtension extension = exchange.getExchangeExtension();
        return exchange.isFailed() || exchange.isRollbackOnly()
                || extension.isErrorHandlerHandledSet() && extension.isErrorHandlerHandled();
    }
}

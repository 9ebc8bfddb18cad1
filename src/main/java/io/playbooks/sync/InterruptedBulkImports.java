package io.playbooks.sync;

import io.playbooks.api.BulkImportRequest;
import io.playbooks.storage.BulkImportRuns;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.StartupListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ExecutorService;

/**
 * Once the service has started, resumes in the background the bulk imports that a shutdown interrupted, one after
 * the other, through the same {@code direct:bulk-import} route as the API: each goes on from its listing position.
 */
public class InterruptedBulkImports implements StartupListener {

    private static final Logger LOG = LoggerFactory.getLogger(InterruptedBulkImports.class);

    private final BulkImportRuns runs;

    public InterruptedBulkImports(BulkImportRuns runs) {
        this.runs = runs;
    }

    @Override
    public void onCamelContextStarted(CamelContext camel, boolean alreadyStarted) {
        // resumed once every route is up (see onCamelContextFullyStarted)
    }

    @Override
    public void onCamelContextFullyStarted(CamelContext camel, boolean alreadyStarted) {
        ExecutorService runner = camel.getExecutorServiceManager().newSingleThreadExecutor(this, "bulk-import-resume");
        runner.execute(() -> resumeAll(camel.createProducerTemplate()));
        runner.shutdown();
    }

    private void resumeAll(ProducerTemplate template) {
        for (BulkImportRuns.Run run : runs.claimInterrupted()) {
            LOG.info("Resuming the bulk import of space {} that a shutdown interrupted at {} after {} pages, from {}",
                    run.spaceKey(), run.stoppedAt(), run.pagesDone(), run.position());
            try {
                template.requestBody("direct:bulk-import", new BulkImportRequest(run.spaceKey(), run.forceUpdate()));
            } catch (RuntimeException e) {
                LOG.warn("The resumed bulk import of space {} stopped: {}", run.spaceKey(), e.getMessage());
            }
        }
    }
}

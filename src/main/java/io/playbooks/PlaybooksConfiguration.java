package io.playbooks;

import io.playbooks.conversion.PageConverter;
import io.playbooks.page.OfflinePageLoader;
import io.playbooks.storage.Database;
import io.playbooks.storage.PlaybookStore;
import org.apache.camel.BeanInject;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.PropertyInject;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;

/** Binds the domain beans that the routes of {@code routes/} call by name. */
public class PlaybooksConfiguration implements CamelConfiguration {

    @PropertyInject(value = "playbooks.db.url", defaultValue = Database.DEFAULT_URL)
    private String databaseUrl;

    @PropertyInject(value = "playbooks.db.user", defaultValue = "")
    private String databaseUser;

    @PropertyInject(value = "playbooks.db.password", defaultValue = "")
    private String databasePassword;

    @PropertyInject(value = "playbooks.offline.remembered-files", defaultValue = "10000")
    private int offlineRememberedFiles;

    @BindToRegistry("pageConverter")
    public PageConverter pageConverter() {
        return new PageConverter();
    }

    private Database database;

    /**
     * Opened (and migrated) at startup; its pool is closed when Camel stops. Camel Main post-processes a
     * configuration more than once, so the pool is opened on the first call only.
     */
    @BindToRegistry(value = "database", destroyMethod = "close")
    public synchronized Database database() {
        if (database == null) {
            database = Database.open(databaseUrl, databaseUser, databasePassword);
        }
        return database;
    }

    @BindToRegistry("playbookStore")
    public PlaybookStore playbookStore(@BeanInject("database") Database database) {
        return new PlaybookStore(database.dataSource());
    }

    @BindToRegistry("offlinePageLoader")
    public OfflinePageLoader offlinePageLoader() {
        return new OfflinePageLoader();
    }

    /** Offline pages already imported, by file names and last-modified times: an edited page is picked again. */
    @BindToRegistry("offlineFilesSeen")
    public IdempotentRepository offlineFilesSeen() {
        return MemoryIdempotentRepository.memoryIdempotentRepository(offlineRememberedFiles);
    }
}

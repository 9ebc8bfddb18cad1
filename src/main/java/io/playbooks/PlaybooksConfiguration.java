package io.playbooks;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.playbooks.analytics.AnalyticsReport;
import io.playbooks.analytics.ImportAnalytics;
import io.playbooks.api.ApiErrorMapper;
import io.playbooks.api.ApiHeaderFilter;
import io.playbooks.api.HttpErrorReplies;
import io.playbooks.api.QueryParameterHeaders;
import io.playbooks.api.RequestBodyCheck;
import io.playbooks.api.ApiJson;
import io.playbooks.api.ApiTokenCheck;
import io.playbooks.api.ListenGuard;
import io.playbooks.api.Discovery;
import io.playbooks.api.ImportResponses;
import io.playbooks.api.LazyOpenApiDocument;
import io.playbooks.api.AttachmentReply;
import io.playbooks.api.PlaybookAttachments;
import io.playbooks.api.PlaybookCatalog;
import io.playbooks.api.PlaybookDocuments;
import io.playbooks.api.Previews;
import io.playbooks.api.StatusReport;
import io.playbooks.broadcast.BroadcastWiring;
import io.playbooks.confluence.ConfluenceClient;
import io.playbooks.confluence.ConfluenceConnection;
import io.playbooks.confluence.ConfluenceSettings;
import io.playbooks.confluence.ConfluenceSettingsLoader;
import io.playbooks.confluence.ConfluenceSites;
import io.playbooks.confluence.SavedConnection;
import io.playbooks.confluence.TokenCipher;
import io.playbooks.conversion.PageConverter;
import io.playbooks.learning.ExecutionLog;
import io.playbooks.learning.LearnedValues;
import io.playbooks.learning.PlaybookUse;
import io.playbooks.learning.RestChannel;
import io.playbooks.learning.UsageLog;
import io.playbooks.mcp.McpWiring;
import io.playbooks.ops.BackgroundStart;
import io.playbooks.ops.ClusteredSchedule;
import io.playbooks.outdated.OutdatedCheck;
import io.playbooks.outdated.OutdatedSettings;
import io.playbooks.ops.ConfluenceHealthCheck;
import io.playbooks.ops.DatabaseHealthCheck;
import io.playbooks.ops.ImportCounts;
import io.playbooks.ops.ObserveAccess;
import io.playbooks.ops.PlaybookMeters;
import io.playbooks.ops.PlatformMBean;
import io.playbooks.ops.RouteEventsOnly;
import io.playbooks.ops.StartTask;
import io.playbooks.ops.SyncServiceControl;
import io.playbooks.ops.TimedConverter;
import io.playbooks.page.OfflinePageLoader;
import io.playbooks.search.EmbeddingCache;
import io.playbooks.search.MiniLmEmbedder;
import io.playbooks.profile.ActiveProfile;
import io.playbooks.profile.LearnedThreshold;
import io.playbooks.search.PlaybookSearch;
import io.playbooks.search.SearchIndex;
import io.playbooks.search.TextEmbedder;
import io.playbooks.storage.AnalyticsQueries;
import io.playbooks.storage.BulkImportRuns;
import io.playbooks.storage.Database;
import io.playbooks.storage.Durability;
import io.playbooks.storage.ImportRollups;
import io.playbooks.storage.PageChecks;
import io.playbooks.storage.PlaybookFlags;
import io.playbooks.storage.PlaybookStore;
import io.playbooks.storage.SpaceSnapshots;
import io.playbooks.storage.Transactions;
import io.playbooks.sync.BulkImportShutdown;
import io.playbooks.sync.BulkImportTracker;
import io.playbooks.sync.InterruptedBulkImports;
import io.playbooks.sync.ConfluenceSync;
import io.playbooks.sync.ImportLog;
import io.playbooks.sync.ImportRecorder;
import io.playbooks.sync.PageTransaction;
import io.playbooks.web.WebUi;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;
import org.apache.camel.component.quartz.QuartzComponent;
import org.apache.camel.spi.Registry;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.camel.support.service.ServiceSupport;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * Builds the domain beans that the routes of {@code routes/} call by name, from {@code config/application.properties}
 * (with its environment overrides) and {@code config/config.json}.
 */
public class PlaybooksConfiguration implements CamelConfiguration {

    @PropertyInject("playbooks.db.url")
    private String dbUrl;
    @PropertyInject(value = "playbooks.db.user", defaultValue = "")
    private String dbUser;
    @PropertyInject(value = "playbooks.db.password", defaultValue = "")
    private String dbPassword;
    @PropertyInject(value = "playbooks.db.flush-delay-ms", defaultValue = "200")
    private long dbFlushDelayMs;
    @PropertyInject(value = "playbooks.config.file", defaultValue = "config/config.json")
    private String configFile;
    @PropertyInject(value = "playbooks.data.dir", defaultValue = "data")
    private String dataDir;
    @PropertyInject(value = "playbooks.secret.key", defaultValue = "")
    private String secretKey;
    @PropertyInject(value = "camel.server.host", defaultValue = "0.0.0.0")
    private String httpHost;
    @PropertyInject(value = "playbooks.api.token", defaultValue = "")
    private String apiToken;
    @PropertyInject(value = "playbooks.offline.remembered-files", defaultValue = "10000")
    private int offlineRememberedFiles;
    @PropertyInject(value = "confluence.sync.overlap.minutes", defaultValue = "10")
    private int syncOverlapMinutes;
    @PropertyInject(value = "confluence.sync.schedule-paused", defaultValue = "false")
    private boolean schedulePaused;
    @PropertyInject(value = "confluence.reconcile.interval.hours", defaultValue = "24")
    private int reconcileIntervalHours;
    @PropertyInject(value = "playbooks.cluster.enabled", defaultValue = "false")
    private boolean clustered;
    @PropertyInject(value = "playbooks.value.check-ms", defaultValue = "1000")
    private long valueCheckMs;
    @PropertyInject(value = "playbooks.value.refresh-seconds", defaultValue = "300")
    private long valueRefreshSeconds;
    @PropertyInject(value = "playbooks.search.semantic.enabled", defaultValue = "true")
    private boolean semanticSearch;
    @PropertyInject(value = "playbooks.observe.open-probes", defaultValue = "true")
    private boolean openProbes;
    @PropertyInject(value = "playbooks.startup.background-delay-ms", defaultValue = "2000")
    private long backgroundDelayMs;
    @PropertyInject(value = "playbooks.attachments.max-mb", defaultValue = "25")
    private int attachmentMaxMegabytes;

    @Override
    public void configure(CamelContext camel) throws Exception {
        Registry registry = camel.getRegistry();
        ApiTokenCheck tokenCheck = new ApiTokenCheck(apiToken);
        ListenGuard.requireTokenOffLoopback(httpHost, tokenCheck.enabled());
        registry.bind("apiTokenCheck", tokenCheck);
        registry.bind("queryParameterHeaders", new QueryParameterHeaders());
        registry.bind("requestBodyCheck", new RequestBodyCheck());
        camel.addStartupListener(new ObserveAccess(tokenCheck, openProbes));
        Clock clock = Clock.systemUTC();
        ObjectMapper json = new ObjectMapper();
        BackgroundStart background = new BackgroundStart(Duration.ofMillis(backgroundDelayMs));
        camel.addStartupListener(background);

        ConfluenceSites sites = new ConfluenceSettingsLoader(System::getenv).loadSites(Path.of(configFile));
        ConfluenceSettings settings = sites.first();
        // the Quartz route reads the interval of config.json through a property
        camel.getPropertiesComponent().addOverrideProperty("confluence.sync.interval.ms",
                String.valueOf(settings.syncIntervalSeconds() * 1000L));

        // migrated while the routes are built; the service waits for it before the routes start
        Database database = Database.openInBackground(dbUrl, dbUser, dbPassword);
        Durability durability = Durability.of(dbUrl, database.dataSource(), Duration.ofMillis(dbFlushDelayMs));
        camel.addService(new DatabaseService(database, durability));
        PlaybookStore store = new PlaybookStore(database.dataSource(), clock);
        registry.bind("database", database);
        registry.bind("durability", durability);
        registry.bind("playbookStore", store);
        PageChecks checks = new PageChecks(database.dataSource(), clock);
        if (clustered) {
            ClusteredSchedule.configure(camel.getComponent("quartz", QuartzComponent.class), database.dataSource(), dbUrl,
                    Duration.ofSeconds(settings.syncIntervalSeconds()));
        }

        SavedConnection saved = new SavedConnection(Path.of(dataDir, "confluence-connection.json"),
                TokenCipher.open(secretKey, Path.of(dataDir, "secret.key")));
        ConfluenceConnection confluence = new ConfluenceConnection(sites, saved, s -> new ConfluenceClient(camel, s), clock);
        registry.bind("confluence", confluence);

        ActiveProfile profile = new ActiveProfile(Path.of(dataDir, "detection-profile.json"),
                sites.spaceCategoryMapping(), new LearnedThreshold(database.dataSource(), clock), clock, instanceName());
        // needs the migrated database: learned when the services start, not while the routes are built
        camel.addService(new StartTask("learned threshold", profile::relearn));
        registry.bind("detectionProfile", profile);
        PageConverter converter = new PageConverter(profile);
        registry.bind("pageConverter", converter);
        TimedConverter timedConverter = new TimedConverter(converter);
        registry.bind("timedConverter", timedConverter);
        registry.bind("offlinePageLoader", new OfflinePageLoader());
        // offline files already imported, by name and last-modified time: an edited file is picked again
        registry.bind("offlineFilesSeen", MemoryIdempotentRepository.memoryIdempotentRepository(offlineRememberedFiles));
        registry.bind("importRecorder", new ImportRecorder(store, checks));
        registry.bind("pageTransaction", new PageTransaction(database.dataSource()));
        BroadcastWiring.bind(camel, database.dataSource(), durability, clock, tokenCheck, Path.of(configFile));
        registry.bind("importLog", new ImportLog());

        Transactions transactions = new Transactions(database.dataSource());
        UsageLog usage = new UsageLog(transactions, clock);
        ExecutionLog executions = new ExecutionLog(transactions, clock);
        LearnedValues values = new LearnedValues(store, usage, executions, clock, Duration.ofMillis(valueCheckMs),
                Duration.ofSeconds(valueRefreshSeconds));
        registry.bind("playbookValues", values);
        background.add("value scores", values::warmUp);
        registry.bind("restChannel", new RestChannel());

        BulkImportRuns bulkImportRuns = new BulkImportRuns(database.dataSource());
        BulkImportTracker bulkImport = new BulkImportTracker(clock, bulkImportRuns, durability);
        camel.getManagementStrategy().addEventNotifier(new BulkImportShutdown(bulkImport));
        camel.addStartupListener(new InterruptedBulkImports(bulkImportRuns));
        ConfluenceSync sync = new ConfluenceSync(confluence, store, checks, clock, Duration.ofMinutes(syncOverlapMinutes),
                Duration.ofHours(reconcileIntervalHours), values);
        sync.pauseSchedule(schedulePaused);
        registry.bind("bulkImport", bulkImport);
        registry.bind("confluenceSync", sync);
        PlaybookFlags flags = new PlaybookFlags(database.dataSource(), clock);
        registry.bind("playbookFlags", flags);
        registry.bind("outdatedCheck", new OutdatedCheck(flags, checks, confluence,
                OutdatedSettings.load(Path.of(configFile)), clock));
        registry.bind("discovery", new Discovery(confluence));
        registry.bind("previews", new Previews());
        registry.bind("importResponses", new ImportResponses());
        PlaybookCatalog catalog = new PlaybookCatalog(store);
        registry.bind("catalog", catalog);
        ImportRollups importRollups = new ImportRollups(database.dataSource(), clock);
        registry.bind("importAnalytics", new ImportAnalytics(importRollups));
        registry.bind("analyticsReport", new AnalyticsReport(catalog, importRollups,
                new AnalyticsQueries(database.dataSource()), new SpaceSnapshots(database.dataSource()), clock));
        registry.bind("playbookDocuments", new PlaybookDocuments(store, catalog));
        registry.bind("playbookAttachments", new PlaybookAttachments(catalog, confluence, attachmentMaxMegabytes));
        registry.bind("attachmentReply", new AttachmentReply());
        registry.bind("playbookUse", new PlaybookUse(catalog, usage, executions));
        // the index is rebuilt from the database (and the model loaded) in the background after the start, or at once
        // by the first search or import before then
        SearchIndex searchIndex = new SearchIndex(store, json, new EmbeddingCache(database.dataSource(), clock),
                semanticSearch ? new MiniLmEmbedder() : TextEmbedder.OFF,
                () -> bulkImport.running() || sync.status().running(), SearchIndex.Rebuild.WHEN_ASKED);
        camel.addService(searchIndex);
        background.add("search index", searchIndex::startRebuild);
        registry.bind("searchIndex", searchIndex);
        registry.bind("playbookSearch", new PlaybookSearch(searchIndex, values));
        StatusReport statusReport = new StatusReport(camel, confluence, store, sync, bulkImport);
        registry.bind("statusReport", statusReport);

        ImportCounts importCounts = new ImportCounts();
        registry.bind("importCounts", importCounts);
        camel.addService(new PlatformMBean(new SyncServiceControl(sync, confluence, statusReport, importCounts,
                camel.createProducerTemplate()), SyncServiceControl.OBJECT_NAME));
        registry.bind("databaseHealthCheck", new DatabaseHealthCheck(database.dataSource()));
        registry.bind("confluenceHealthCheck", new ConfluenceHealthCheck(confluence));
        camel.addStartupListener(new PlaybookMeters(importCounts, confluence, timedConverter));
        camel.addStartupListener(new RouteEventsOnly());

        McpWiring.bind(camel, bulkImport);

        registry.bind("apiJson", ApiJson.mapper());
        registry.bind("apiErrorMapper", new ApiErrorMapper(json));
        registry.bind("apiHeaderFilter", new ApiHeaderFilter());
        registry.bind("openApiDocument", new LazyOpenApiDocument());
        camel.addStartupListener(new WebUi());
        camel.addStartupListener(new HttpErrorReplies());
    }

    /** The name this instance writes into the profiles it exports: the host name when the environment gives one. */
    private static String instanceName() {
        String host = System.getenv("HOSTNAME");
        return host == null || host.isBlank() ? "confluence-playbooks" : host;
    }

    /**
     * Starts with Camel's services, before the routes: waits for the migration (a failed one fails the startup with
     * its error); closes the pool when Camel stops.
     */
    private static final class DatabaseService extends ServiceSupport {
        private final Database database;
        private final Durability durability;

        DatabaseService(Database database, Durability durability) {
            this.database = database;
            this.durability = durability;
        }

        @Override
        protected void doStart() {
            database.awaitReady();
        }

        @Override
        protected void doStop() {
            durability.close();
            database.close();
        }
    }
}

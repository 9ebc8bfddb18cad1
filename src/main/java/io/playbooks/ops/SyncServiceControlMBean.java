package io.playbooks.ops;

/**
 * The sync service as JMX shows it ({@code io.playbooks:type=SyncService}). Only open types (text, numbers,
 * booleans), so that JConsole and any JMX client read them without the service's classes. Times are ISO-8601 text,
 * empty when there is none.
 */
public interface SyncServiceControlMBean {

    /** Whether a sync runs now. */
    boolean isRunning();

    /** Whether the schedule is paused (syncs asked for through the API, MCP or JMX still run). */
    boolean isSchedulePaused();

    /** Whether Confluence is switched on and configured, so that the schedule has something to sync. */
    boolean isConfluenceEnabled();

    /** When the Quartz trigger {@code confluence.sync} fires next. */
    String getNextFireTime();

    String getRunningSince();

    String getLastRunStartedAt();

    String getLastRunFinishedAt();

    /** Whether the last run completed (false: it failed as a whole and kept the watermarks; null before any). */
    Boolean getLastRunCompleted();

    int getLastRunChecked();

    int getLastRunCreated();

    int getLastRunUpdated();

    int getLastRunFailed();

    int getLastRunUnchanged();

    int getLastRunOutdated();

    String[] getLastRunErrors();

    /** Pages stored as a new playbook or a new version since the service started (syncs, imports, offline folder). */
    long getPagesImported();

    /** Pages whose conversion or storage failed since the service started. */
    long getPagesFailed();

    /** HTTP requests to Confluence of the current client (a new connection through POST /configure starts at 0). */
    long getConfluenceRequests();

    /** Waits caused by Confluence throttling (429/503, near-limit pauses). */
    long getThrottleWaits();

    long getThrottleWaitMillis();

    long getConfluenceRetries();

    /** Confluence requests that failed (status 400 or more, time-outs, connection failures). */
    long getConfluenceErrors();

    /** Starts a sync in the background, as POST /sync/trigger does; says what it did. */
    String triggerSync();

    void pauseSchedule();

    void resumeSchedule();
}

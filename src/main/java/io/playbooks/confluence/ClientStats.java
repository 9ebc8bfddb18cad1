package io.playbooks.confluence;

/**
 * What the client has done so far (a snapshot; counters only grow).
 *
 * @param requests           HTTP requests sent, every attempt counted
 * @param throttleWaits      waits caused by Confluence: 429/503 answers and {@code X-RateLimit-NearLimit} pauses
 * @param throttleWaitMillis total milliseconds of those waits
 * @param retries            requests sent again after a 429, 503, other 5xx or time-out
 * @param errors             attempts that failed: an HTTP status of 400 or more (except a 404 looked up on purpose),
 *                           a time-out or a connection failure
 */
public record ClientStats(long requests, long throttleWaits, long throttleWaitMillis, long retries, long errors) {

    /** The counts of two clients together (several sites). */
    public ClientStats plus(ClientStats other) {
        return new ClientStats(requests + other.requests, throttleWaits + other.throttleWaits,
                throttleWaitMillis + other.throttleWaitMillis, retries + other.retries, errors + other.errors);
    }
}

package io.playbooks.analytics;

import io.playbooks.api.ApiException;
import io.playbooks.storage.TimeBucket;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What {@code GET /analytics} asks for: the time window [from, to), the bucket width of its series, how many of
 * the most used playbooks, and optionally one space. Every bad value is a 400 that names it.
 *
 * @param from     first instant counted (a date means its start, UTC)
 * @param to       first instant not counted (a date means the end of that day, so it is included)
 * @param bucket   hour, day or week
 * @param limit    the length of the most-used list
 * @param spaceKey one space, or null for every space
 */
public record AnalyticsWindow(Instant from, Instant to, TimeBucket bucket, int limit, String spaceKey) {

    static final Duration DEFAULT_SPAN = Duration.ofDays(30);
    static final int DEFAULT_LIMIT = 10;
    static final int MAX_LIMIT = 100;
    /** A series longer than this is no chart anymore (e.g. a year by the hour): the caller narrows it. */
    static final int MAX_BUCKETS = 2000;
    private static final Pattern SPACE_KEY = Pattern.compile("[A-Za-z0-9_~.-]{1,255}");

    /** The window of the query parameters (any of them blank or null for its default), against {@code now}. */
    public static AnalyticsWindow of(String from, String to, String bucket, String limit, String spaceKey, Instant now) {
        Instant end = blank(to) ? now : instant("to", to, true);
        Instant start = blank(from) ? end.minus(DEFAULT_SPAN) : instant("from", from, false);
        if (!start.isBefore(end)) {
            throw ApiException.badRequest("query parameter 'from' (" + start + ") must be before 'to' (" + end + ")");
        }
        TimeBucket width = bucket(bucket);
        long buckets = Duration.between(width.floor(start), end).dividedBy(width.size()) + 1;
        if (buckets > MAX_BUCKETS) {
            throw ApiException.badRequest("from " + start + " to " + end + " makes " + buckets + " buckets of a "
                    + width.name().toLowerCase(Locale.ROOT) + "; at most " + MAX_BUCKETS
                    + ": narrow the window or use a wider bucket (day, week)");
        }
        return new AnalyticsWindow(start, end, width, limit(limit), space(spaceKey));
    }

    /** The start of every bucket of the window, oldest first. */
    public List<Instant> bucketStarts() {
        List<Instant> starts = new ArrayList<>();
        for (Instant start = bucket.floor(from); start.isBefore(to); start = start.plus(bucket.size())) {
            starts.add(start);
        }
        return starts;
    }

    /** The UTC days the window touches, first to last. */
    public List<LocalDate> days() {
        LocalDate last = LocalDate.ofInstant(to.minusNanos(1), ZoneOffset.UTC);
        return LocalDate.ofInstant(from, ZoneOffset.UTC).datesUntil(last.plusDays(1)).toList();
    }

    private static Instant instant(String name, String value, boolean endOfDay) {
        String text = value.strip();
        try {
            if (text.length() == 10) {
                LocalDate day = LocalDate.parse(text);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("query parameter '" + name + "' is '" + value
                    + "': give a date (2026-11-01) or a UTC instant (2026-11-01T06:00:00Z)");
        }
    }

    private static TimeBucket bucket(String value) {
        if (blank(value)) {
            return TimeBucket.DAY;
        }
        try {
            return TimeBucket.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("query parameter 'bucket' is '" + value + "': give one of "
                    + Arrays.stream(TimeBucket.values()).map(b -> b.name().toLowerCase(Locale.ROOT)).toList());
        }
    }

    private static int limit(String value) {
        if (blank(value)) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value.strip());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below, with the range
        }
        throw ApiException.badRequest("query parameter 'limit' is '" + value + "': give a whole number from 1 to "
                + MAX_LIMIT);
    }

    private static String space(String value) {
        if (blank(value)) {
            return null;
        }
        if (!SPACE_KEY.matcher(value.strip()).matches()) {
            throw ApiException.badRequest("query parameter 'space_key' is '" + value
                    + "': a Confluence space key has letters, digits, '_', '-', '.' or '~'");
        }
        return value.strip();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}

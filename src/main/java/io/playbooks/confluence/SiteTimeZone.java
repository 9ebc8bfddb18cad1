package io.playbooks.confluence;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * CQL reads a date such as {@code lastmodified >= "2024-05-14 09:30"} in the time zone of the site (more exactly:
 * of the user making the request, which falls back to the site's default). The client writes watermarks in that
 * zone: the {@code site_time_zone} setting names it ({@code Europe/Berlin}, {@code UTC}, {@code +02:00}); with
 * {@code auto} the client asks {@code /rest/api/user/current} for its {@code timeZone} (Cloud returns it), and when
 * the site does not say, it writes the date in {@link #EARLIEST}: a date written there can only be read as an
 * earlier instant in any real zone, so a query may return up to 26 hours of pages too many, but never misses one.
 */
public final class SiteTimeZone {

    public static final String AUTO = "auto";

    /** UTC-12, the zone whose clocks are furthest behind. */
    public static final ZoneId EARLIEST = ZoneOffset.ofHours(-12);

    private static final DateTimeFormatter CQL_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private SiteTimeZone() {
    }

    /** The zone the setting names, or empty for {@code auto}. */
    public static Optional<ZoneId> parse(String setting) {
        if (setting == null || setting.isBlank() || AUTO.equalsIgnoreCase(setting.trim())) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(setting.trim()));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("site_time_zone '" + setting
                    + "' is not a time zone: use an id such as Europe/Berlin, UTC or +02:00, or auto", e);
        }
    }

    /** The instant as a CQL date in the zone, rounded down to the minute (CQL dates have no seconds). */
    public static String cqlDate(Instant instant, ZoneId zone) {
        return CQL_DATE.format(instant.truncatedTo(ChronoUnit.MINUTES).atZone(zone));
    }
}

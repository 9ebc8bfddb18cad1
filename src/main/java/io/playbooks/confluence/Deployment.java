package io.playbooks.confluence;

import java.util.Locale;
import java.util.Optional;

/** The two kinds of Confluence site, which speak different REST APIs. */
public enum Deployment {
    /** Atlassian Cloud ({@code https://x.atlassian.net/wiki}): REST v2 for listings, v1 for CQL. */
    CLOUD,
    /** Data Center / Server ({@code https://host[/context]}): REST v1 only. */
    DATA_CENTER;

    /**
     * Reads the {@code deployment} setting: {@code cloud}, {@code datacenter} (also {@code data_center}, {@code dc},
     * {@code server}) or {@code auto}/blank, which gives empty (decided at the first call).
     */
    public static Optional<Deployment> parse(String value) {
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT).replace("-", "_");
        return switch (v) {
            case "", "auto" -> Optional.empty();
            case "cloud" -> Optional.of(CLOUD);
            case "datacenter", "data_center", "dc", "server" -> Optional.of(DATA_CENTER);
            default -> throw new IllegalArgumentException(
                    "deployment '" + value + "' is not one of cloud, datacenter, auto");
        };
    }

    /** The spelling used in settings and JSON: {@code cloud} or {@code datacenter}. */
    public String settingName() {
        return this == CLOUD ? "cloud" : "datacenter";
    }
}

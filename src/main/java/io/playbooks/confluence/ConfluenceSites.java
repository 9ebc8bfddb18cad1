package io.playbooks.confluence;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The Confluence sites of config.json, the first being the one the environment variables and {@code POST /configure}
 * change. Playbooks are keyed by (space key, page id), so a space key may belong to one site only: a configuration
 * that lists one space on two sites is refused with both sites named, rather than mixing their pages.
 */
public record ConfluenceSites(List<ConfluenceSettings> sites) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

    public ConfluenceSites {
        if (sites == null || sites.isEmpty()) {
            throw new IllegalArgumentException("at least one Confluence site is needed");
        }
        sites = List.copyOf(sites);
        Set<String> names = new HashSet<>();
        Map<String, String> siteOfSpace = new HashMap<>();
        for (ConfluenceSettings site : sites) {
            if (!NAME.matcher(site.name()).matches()) {
                throw new IllegalArgumentException("site name '" + site.name() + "' must be letters, digits, '.', '_' "
                        + "or '-'");
            }
            if (!names.add(site.name())) {
                throw new IllegalArgumentException("two sites are named '" + site.name() + "': names must be unique");
            }
            for (String space : site.spaces()) {
                String other = siteOfSpace.putIfAbsent(space, site.name());
                if (other != null) {
                    throw new IllegalArgumentException("space " + space + " is listed by site '" + other + "' and by site '"
                            + site.name() + "': a space key may belong to one site only (playbooks are keyed by "
                            + "space key and page id)");
                }
            }
        }
    }

    public static ConfluenceSites of(ConfluenceSettings single) {
        return new ConfluenceSites(List.of(single));
    }

    /** The default site: the single-site form, else the first of the list. */
    public ConfluenceSettings first() {
        return sites.get(0);
    }

    /** The same sites with the first one replaced (a reconfiguration, saved settings); checked again. */
    public ConfluenceSites withFirst(ConfluenceSettings replacement) {
        List<ConfluenceSettings> changed = new ArrayList<>(sites);
        changed.set(0, replacement);
        return new ConfluenceSites(changed);
    }

    /** Every site's space-to-category mapping in one (space keys are unique across sites). */
    public Map<String, String> spaceCategoryMapping() {
        Map<String, String> all = new LinkedHashMap<>();
        sites.forEach(site -> all.putAll(site.spaceCategoryMapping()));
        return all;
    }
}

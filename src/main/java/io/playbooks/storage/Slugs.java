package io.playbooks.storage;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

/** URL names of playbooks: {@code "Deploy Application (v2)"} becomes {@code deploy-application-v2}. */
public final class Slugs {

    static final int MAX_LENGTH = 80;
    private static final String FALLBACK = "playbook";

    private Slugs() {
    }

    /** Lower-case ASCII letters and digits joined by single hyphens; "playbook" when nothing of the name is left. */
    public static String of(String name) {
        String ascii = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT);
        String slug = ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > MAX_LENGTH) {
            slug = slug.substring(0, MAX_LENGTH).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? FALLBACK : slug;
    }

    /** The base itself when free, else base-2, base-3... the first that {@code taken} does not hold. */
    public static String firstFree(String base, Set<String> taken) {
        if (!taken.contains(base)) {
            return base;
        }
        for (int n = 2; ; n++) {
            String candidate = base + "-" + n;
            if (!taken.contains(candidate)) {
                return candidate;
            }
        }
    }
}

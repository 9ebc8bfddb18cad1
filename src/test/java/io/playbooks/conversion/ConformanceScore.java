package io.playbooks.conversion;

import com.fasterxml.jackson.databind.JsonNode;
import io.playbooks.playbook.Step;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The step comparison of shared/tools/score_conversion.py, in Java: each step (substeps flattened after their
 * parent) is reduced to its action and its command (shell) or method and url (http_request); the score of a
 * page is the longest common subsequence of expected and converted steps over the longer of the two.
 */
final class ConformanceScore {

    private ConformanceScore() {
    }

    static double steps(JsonNode expected, List<Step> converted) {
        List<String> want = new ArrayList<>();
        flattenExpected(expected, want);
        List<String> got = new ArrayList<>();
        flattenConverted(converted, got);
        if (want.isEmpty() && got.isEmpty()) {
            return 1.0;
        }
        return (double) lcs(want, got) / Math.max(want.size(), got.size());
    }

    static List<String> flattenExpected(JsonNode steps, List<String> out) {
        if (steps == null) {
            return out;
        }
        for (JsonNode step : steps) {
            String action = step.path("action").asText("noop");
            out.add(key(action, step.path("command").asText(""), step.path("method").asText("GET"), step.path("url").asText("")));
            flattenExpected(step.get("substeps"), out);
        }
        return out;
    }

    static List<String> flattenConverted(List<Step> steps, List<String> out) {
        for (Step step : steps) {
            out.add(key(step.action(), String.valueOf(step.args().getOrDefault("command", "")),
                    String.valueOf(step.args().getOrDefault("method", "GET")), String.valueOf(step.args().getOrDefault("url", ""))));
            flattenConverted(step.substeps(), out);
        }
        return out;
    }

    private static String key(String action, String command, String method, String url) {
        return switch (action) {
            case Step.SHELL -> "shell " + norm(command);
            case Step.HTTP_REQUEST -> "http_request " + method.toUpperCase(Locale.ROOT) + " " + url.strip();
            default -> "noop";
        };
    }

    /** Lines right-stripped, the whole stripped: as norm() of the scorer. */
    /**
     * Whether the prerequisites match as the scorer counts them: as many as expected, and each expected one equal to a
     * converted one in lower case with blanks collapsed and a closing full stop or colon dropped, or (longer than eight
     * characters) contained in it or containing it.
     */
    static boolean prerequisites(List<String> expected, List<String> converted) {
        List<String> got = converted.stream().map(ConformanceScore::text).toList();
        long hits = expected.stream().map(ConformanceScore::text)
                .filter(want -> got.stream().anyMatch(have -> want.equals(have)
                        || want.length() > 8 && (have.contains(want) || want.contains(have))))
                .count();
        return hits == Math.max(expected.size(), converted.size());
    }

    private static String text(String prerequisite) {
        String text = prerequisite.replaceAll("\\s+", " ").strip().toLowerCase(java.util.Locale.ROOT);
        while (!text.isEmpty() && (text.endsWith(".") || text.endsWith(":"))) {
            text = text.substring(0, text.length() - 1);
        }
        return text;
    }

    private static String norm(String text) {
        return String.join("\n", text.strip().lines().map(String::stripTrailing).toList());
    }

    private static int lcs(List<String> a, List<String> b) {
        int[][] m = new int[a.size() + 1][b.size() + 1];
        for (int i = 0; i < a.size(); i++) {
            for (int j = 0; j < b.size(); j++) {
                m[i + 1][j + 1] = a.get(i).equals(b.get(j)) ? m[i][j] + 1 : Math.max(m[i][j + 1], m[i + 1][j]);
            }
        }
        return m[a.size()][b.size()];
    }
}

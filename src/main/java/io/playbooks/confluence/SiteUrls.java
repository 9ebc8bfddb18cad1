package io.playbooks.confluence;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Builds and resolves URLs of one site. The base keeps its path ({@code /wiki} on Cloud, the context path on Data
 * Center). Links in answers come in two flavours: v2 {@code _links.next} is relative to the host and repeats the
 * base path ({@code /wiki/api/v2/...}), v1 links are relative to the base ({@code /rest/api/...}); both resolve here.
 */
final class SiteUrls {

    private final String base;
    private final String origin;
    private final String basePath;
    private final String host;

    SiteUrls(String baseUrl) {
        String b = baseUrl == null ? "" : baseUrl.trim();
        while (b.endsWith("/")) {
            b = b.substring(0, b.length() - 1);
        }
        URI uri;
        try {
            uri = new URI(b);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Confluence URL '" + shown(baseUrl) + "' is not a URL: " + e.getReason(), e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new IllegalArgumentException("Confluence URL '" + shown(baseUrl)
                    + "' must be an absolute http(s) URL such as https://example.atlassian.net/wiki");
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("Confluence URL '" + shown(baseUrl)
                    + "' must not hold a user name or password: give the account as username and the token as api_token");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("Confluence URL '" + shown(baseUrl) + "' must not carry a query or fragment");
        }
        this.base = b;
        this.origin = scheme + "://" + uri.getRawAuthority();
        this.basePath = uri.getRawPath() == null ? "" : uri.getRawPath();
        this.host = uri.getHost().toLowerCase(Locale.ROOT);
    }

    /** The URL as an error may show it: a user name and password in it (never taken) are not said back. */
    private static String shown(String url) {
        return url.replaceFirst("(?<=//)[^/@\\s]+@", "****@");
    }

    String base() {
        return base;
    }

    boolean isAtlassianCloudHost() {
        return host.endsWith(".atlassian.net") || host.endsWith(".jira.com");
    }

    /** base + path + query; {@code params} alternate names and values, values are encoded, nulls skipped. */
    URI api(String path, Object... params) {
        StringBuilder sb = new StringBuilder(base).append(path);
        char sep = '?';
        for (int i = 0; i + 1 < params.length; i += 2) {
            if (params[i + 1] == null) {
                continue;
            }
            sb.append(sep).append(params[i]).append('=').append(encode(params[i + 1].toString()));
            sep = '&';
        }
        return URI.create(sb.toString());
    }

    /** A link from an answer (next page, download) made absolute. */
    URI resolve(String link) {
        return URI.create(absolute(link));
    }

    /** A web link from an answer ({@code _links.webui}, {@code _links.download}) made absolute. */
    String absolute(String link) {
        if (link == null || link.isEmpty()) {
            return null;
        }
        if (link.startsWith("http://") || link.startsWith("https://")) {
            return link;
        }
        String l = link.startsWith("/") ? link : "/" + link;
        if (!basePath.isEmpty() && (l.startsWith(basePath + "/") || l.equals(basePath))) {
            return origin + l;
        }
        return base + l;
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}

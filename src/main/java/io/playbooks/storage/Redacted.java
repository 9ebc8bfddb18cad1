package io.playbooks.storage;

/** JDBC URLs as they may appear in logs and errors: a password given inside the URL is masked. */
final class Redacted {

    private Redacted() {
    }

    static String url(String jdbcUrl) {
        return jdbcUrl.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }
}

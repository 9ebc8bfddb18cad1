package io.playbooks.analytics;

/** Shares as the analytics show them: 0..1 to four places, null when there is nothing to divide by. */
final class Ratio {

    private Ratio() {
    }

    static Double of(long part, long whole) {
        return whole == 0 ? null : round((double) part / whole);
    }

    static Double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}

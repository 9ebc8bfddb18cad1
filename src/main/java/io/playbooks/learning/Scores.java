package io.playbooks.learning;

/** Small arithmetic shared by the value scores. */
final class Scores {

    private Scores() {
    }

    /** Four decimals: enough to rank, short to read. */
    static double rounded(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }

    static double clamped(double value) {
        return Math.max(0, Math.min(1, value));
    }

    /** What a quantity that halves every {@code halfLife} has left after {@code age} (same unit). */
    static double decay(double age, double halfLife) {
        return Math.pow(0.5, Math.max(0, age) / halfLife);
    }
}

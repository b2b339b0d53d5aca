package dev.aidigest.ingest.spend;

import java.util.Locale;

/** Money as whole micro-dollars: sums stay exact, and a price of $0.00015 is 150. */
public final class Usd {

    private Usd() {}

    public static long micros(double usd) {
        return Math.round(usd * 1_000_000d);
    }

    /** {@code $1.56}; amounts under a cent keep four decimals ({@code $0.0045}). */
    public static String format(long micros) {
        double usd = micros / 1_000_000d;
        return micros > 0 && micros < 10_000
                ? String.format(Locale.ROOT, "$%.4f", usd)
                : String.format(Locale.ROOT, "$%.2f", usd);
    }
}

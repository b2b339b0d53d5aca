package dev.aidigest.edition;

/**
 * An edition was not made on purpose, and nothing was stored or published: its window holds no
 * posts, or the sources look dead ({@link Freshness.StaleSourcesException}). The message says why,
 * in one line; the CLI prints it and exits 0, {@code serve} logs it and shows it on /healthz.
 */
public class EditionWithheld extends RuntimeException {

    public EditionWithheld(String message) {
        super(message);
    }

    /** The window of the edition has no posts (made anyway only when asked for, {@code --allow-empty}). */
    public static EditionWithheld empty(String what) {
        return new EditionWithheld(what + " not made: no posts in its window, nothing stored or published"
                + " (--allow-empty makes it anyway)");
    }
}

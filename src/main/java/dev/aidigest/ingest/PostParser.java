package dev.aidigest.ingest;

/**
 * Reads a whole file of one {@link Format} into posts. A file that is not of its format is refused
 * whole with a {@link BadInputException} that says in one sentence what is wrong; in a file that is,
 * an entry that is no post (a bad id, a future date, a broken JSON line) is skipped and named in
 * {@link Parsed#skipped()}, and the others are read.
 */
public interface PostParser {

    /**
     * Parses the raw bytes of a file.
     *
     * @throws BadInputException on broken syntax, a wrong shape, invalid UTF-8 or hostile XML: no entry is read
     */
    Parsed parse(byte[] content);
}

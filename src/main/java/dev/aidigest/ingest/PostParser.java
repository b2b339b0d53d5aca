package dev.aidigest.ingest;

/**
 * Reads a whole file of one {@link Format} into posts. All or nothing: either every part of the
 * content is understood, or a {@link BadInputException} says in one sentence what is wrong.
 */
public interface PostParser {

    /**
     * Parses the raw bytes of a file.
     *
     * @throws BadInputException on broken syntax, a wrong shape, invalid UTF-8 or hostile XML
     */
    Parsed parse(byte[] content);
}

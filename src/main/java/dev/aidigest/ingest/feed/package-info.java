/**
 * RSS 2.0 and Atom feeds through rome, safe against hostile XML (no DTDs, no entities, size and
 * encoding limits). RSSHub and Nitter twitter routes become X posts; the source uses conditional
 * GET. May use {@code ingest}, {@code ingest.http}, {@code ingest.x} (the X post shape) and jsoup.
 */
package dev.aidigest.ingest.feed;

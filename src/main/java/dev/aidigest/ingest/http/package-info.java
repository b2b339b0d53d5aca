/**
 * The HTTP client shared by the ingest sources (fixed User-Agent, timeouts) and bounded body reads.
 *
 * <p>May use only OkHttp.
 */
package dev.aidigest.ingest.http;

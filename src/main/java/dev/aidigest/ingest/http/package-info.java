/** The HTTP client shared by the ingest sources (fixed User-Agent, timeouts) and bounded body reads. */
package dev.aidigest.ingest.http;

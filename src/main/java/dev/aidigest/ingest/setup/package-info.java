/**
 * Builds the ingest parsers and sources from {@code application.yml} and {@code sources.yml}; the only ingest code that reads config.
 *
 * <p>May use {@code config}, {@code ingest} and its adapter packages, and OkHttp.
 */
package dev.aidigest.ingest.setup;

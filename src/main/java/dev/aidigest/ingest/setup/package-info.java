/** Builds the ingest parsers and sources from {@code application.yml} and {@code sources.yml}; the only ingest code that reads config. */
package dev.aidigest.ingest.setup;

/**
 * The JSON lines import format; its fields are documented on {@link dev.aidigest.ingest.jsonl.JsonlParser}.
 *
 * <p>May use {@code ingest} and {@code json}.
 */
package dev.aidigest.ingest.jsonl;

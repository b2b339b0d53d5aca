/** The JSON lines import format; its fields are documented on {@link dev.aidigest.ingest.jsonl.JsonlParser}. */
package dev.aidigest.ingest.jsonl;

/**
 * The LLM and embedding adapter: the OpenAI-compatible chat calls (LangChain4j) that write story summaries,
 * categories, merge reviews and the daily report, their retries and circuit breaker (resilience4j), usage
 * metering, and the offline bge embedder (onnxruntime and the DJL tokenizer). Implements the ports of
 * {@code digest} and {@code report}; may use {@code config}, {@code ingest}, {@code text}, {@code render} and
 * {@code json}. The only package that sees LangChain4j, onnxruntime or resilience4j.
 */
package dev.aidigest.llm;

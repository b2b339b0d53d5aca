package dev.aidigest.llm;

/** The LLM gave no answer for one item (after retries, or the breaker is open): use the offline summary. */
final class LlmUnavailableException extends Exception {

    LlmUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}

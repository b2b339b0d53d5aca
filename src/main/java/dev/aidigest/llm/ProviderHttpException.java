package dev.aidigest.llm;

import dev.langchain4j.exception.HttpException;
import java.time.Duration;
import java.util.Optional;

/**
 * A non-2xx answer of the LLM endpoint, with the wait it asked for. langchain4j maps it to its own
 * exception (RateLimitException, InternalServerException...) with this one as the cause.
 */
final class ProviderHttpException extends HttpException {

    private final transient Duration retryAfter;

    ProviderHttpException(int status, String body, Duration retryAfter) {
        super(status, body);
        this.retryAfter = retryAfter;
    }

    Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}

package dev.aidigest.llm;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.UnresolvedModelServerException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import io.github.resilience4j.core.functions.CheckedSupplier;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One logical LLM call for one digest: retries 429/5xx/timeouts with exponential backoff (or the
 * provider's Retry-After) through a resilience4j {@link Retry}, never retries a refused connection, counts every attempt that reached
 * the provider into the digest's usage, and feeds the digest's circuit breaker.
 */
final class ChatCaller {

    /** The answer text and what it cost. */
    record Answer(String text, int inputTokens, int outputTokens) {}

    private final ChatModel model;
    private final LlmTuning tuning;
    private final CircuitBreaker breaker;
    private final UsageMeter usage;
    private final Retry retry;

    ChatCaller(ChatModel model, LlmTuning tuning, CircuitBreaker breaker, UsageMeter usage) {
        this.model = model;
        this.tuning = tuning;
        this.breaker = breaker;
        this.usage = usage;
        this.retry = Retry.of(
                "llm",
                RetryConfig.<Answer>custom()
                        .maxAttempts(tuning.retries() + 1)
                        .retryOnException(e -> e instanceof AttemptFailed a && retries(a))
                        .intervalBiFunction(
                                (attempts, outcome) -> outcome.isLeft() && outcome.getLeft() instanceof AttemptFailed a
                                        ? wait(a).toMillis()
                                        : backoff(attempts - 1).toMillis())
                        .failAfterMaxAttempts(false)
                        .build());
    }

    boolean unavailable() {
        return breaker.open();
    }

    Answer call(List<ChatMessage> messages, ResponseFormat format) throws LlmUnavailableException {
        ChatRequest request =
                ChatRequest.builder().messages(messages).responseFormat(format).build();
        AtomicInteger attempts = new AtomicInteger();
        CheckedSupplier<Answer> attempt = () -> attempt(request, messages, attempts.getAndIncrement());
        try {
            return Retry.decorateCheckedSupplier(retry, attempt).get();
        } catch (AttemptFailed a) {
            if (Thread.currentThread().isInterrupted()) {
                throw new LlmUnavailableException("interrupted", a.getCause());
            }
            throw new LlmUnavailableException(
                    a.failure.reason() + " after " + (a.attempt + 1) + " attempt(s)", a.getCause());
        } catch (LlmUnavailableException e) {
            throw e;
        } catch (Throwable t) {
            throw new LlmUnavailableException("unexpected error (" + t + ")", t);
        }
    }

    private Answer attempt(ChatRequest request, List<ChatMessage> messages, int attempt)
            throws LlmUnavailableException, AttemptFailed {
        if (breaker.open()) {
            throw new LlmUnavailableException("LLM skipped for the rest of this digest after repeated failures", null);
        }
        try {
            ChatResponse response = model.chat(request);
            breaker.success();
            String text = response.aiMessage() == null || response.aiMessage().text() == null
                    ? ""
                    : response.aiMessage().text();
            Answer answer = new Answer(
                    text, inputTokens(response.tokenUsage(), messages), outputTokens(response.tokenUsage(), text));
            usage.call(answer.inputTokens(), answer.outputTokens());
            return answer;
        } catch (RuntimeException e) {
            Failure f = Failure.of(e);
            if (f.reachedProvider()) {
                usage.call(0, 0);
            }
            if (f.countsForBreaker()) {
                breaker.failure();
            }
            throw new AttemptFailed(f, attempt, e);
        }
    }

    /** Another attempt follows a failure the provider may get over, while the breaker is closed and the wait fits. */
    private boolean retries(AttemptFailed a) {
        return a.failure.retryable() && !breaker.open() && wait(a).compareTo(tuning.maxWait()) <= 0;
    }

    /** The provider's Retry-After, or exponential backoff. */
    private Duration wait(AttemptFailed a) {
        return a.failure.retryAfter().orElse(backoff(a.attempt));
    }

    private Duration backoff(int attempt) {
        return tuning.backoff().multipliedBy(1L << Math.min(attempt, 10));
    }

    /** One failed attempt, its classification and its number (0 for the first). */
    private static final class AttemptFailed extends Exception {
        final transient Failure failure;
        final int attempt;

        AttemptFailed(Failure failure, int attempt, Throwable cause) {
            super(failure.reason(), cause, false, false);
            this.failure = failure;
            this.attempt = attempt;
        }
    }

    /** The provider's count; without one (some local servers), about two characters per token. */
    static int inputTokens(TokenUsage usage, List<ChatMessage> messages) {
        if (usage != null && usage.inputTokenCount() != null) {
            return usage.inputTokenCount();
        }
        int chars = 0;
        for (ChatMessage m : messages) {
            chars += textOf(m).length();
        }
        return (chars + 1) / 2;
    }

    static int outputTokens(TokenUsage usage, String text) {
        return usage != null && usage.outputTokenCount() != null ? usage.outputTokenCount() : (text.length() + 1) / 2;
    }

    private static String textOf(ChatMessage m) {
        if (m instanceof SystemMessage s) {
            return s.text();
        }
        if (m instanceof UserMessage u) {
            return u.hasSingleText() ? u.singleText() : "";
        }
        if (m instanceof AiMessage a) {
            return a.text() == null ? "" : a.text();
        }
        return "";
    }

    /** What went wrong with one attempt, and what that means for the next. */
    record Failure(
            String reason,
            boolean retryable,
            boolean countsForBreaker,
            boolean reachedProvider,
            Optional<Duration> retryAfter) {

        static Failure of(Throwable e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof ProviderHttpException h) {
                    return http(h);
                }
                if (t instanceof ConnectException
                        || t instanceof HttpConnectTimeoutException
                        || t instanceof UnknownHostException
                        || t instanceof UnresolvedAddressException
                        || t instanceof UnresolvedModelServerException) {
                    return new Failure("cannot connect (" + t + ")", false, true, false, Optional.empty());
                }
                if (t instanceof HttpTimeoutException || t instanceof dev.langchain4j.exception.TimeoutException) {
                    return new Failure("timed out", true, true, true, Optional.empty());
                }
            }
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof IOException) {
                    return new Failure("I/O error (" + t + ")", true, true, true, Optional.empty());
                }
            }
            return new Failure("unexpected error (" + e + ")", false, false, true, Optional.empty());
        }

        private static Failure http(ProviderHttpException h) {
            int s = h.statusCode();
            String body = h.getMessage() == null ? "" : h.getMessage();
            if (s == 429 && !body.contains("insufficient_quota")) {
                return new Failure("HTTP 429 rate limited", true, false, true, h.retryAfter());
            }
            if (s == 408 || s >= 500) {
                return new Failure("HTTP " + s, true, true, true, h.retryAfter());
            }
            // a bad key, an unknown model or an empty account fails every story the same way
            boolean fatal = s == 401 || s == 403 || s == 404 || s == 429;
            return new Failure("HTTP " + s + " " + abbreviate(body), false, fatal, true, Optional.empty());
        }

        private static String abbreviate(String s) {
            return s.length() > 200 ? s.substring(0, 200) + "…" : s;
        }
    }
}

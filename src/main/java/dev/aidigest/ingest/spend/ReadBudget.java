package dev.aidigest.ingest.spend;

import dev.aidigest.ingest.SourceException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The spend governor of one paid reader. The month's budget (UTC) is spread over its days: today
 * may spend what is left of the month divided by the days left, today included, so what a quiet day
 * leaves goes to the days after it and the month's sum never passes the budget. A call is made only
 * when its worst case fits in what is left of today's share; the caller shrinks its page to fit.
 *
 * <p>An out-of-credits answer (HTTP 402) stops this reader until the next UTC day; in between, one
 * call every {@code probeEvery} finds out whether credits are back. The operators are told once a
 * month that the budget stopped reads, and once per out-of-credits spell.
 */
public final class ReadBudget {

    private static final Logger log = LoggerFactory.getLogger(ReadBudget.class);
    static final String PAUSED_UNTIL = "paused_until";
    static final String PAUSED_WHY = "paused_why";
    static final String TOLD_CREDITS = "told_credits";
    static final String TOLD_BUDGET = "told_budget";

    private final String provider;
    private final String label;
    private final long monthlyMicros;
    private final Tariff tariff;
    private final Duration probeEvery;
    private final SpendLedger ledger;
    private final Clock clock;
    private volatile Consumer<String> operators = text -> {};

    /**
     * @param provider      the ledger's name of this reader ({@code x-api}, {@code twitterapi})
     * @param label         how messages name it ({@code X API})
     * @param monthlyMicros the month's budget; 0 stops every read
     */
    public ReadBudget(
            String provider,
            String label,
            long monthlyMicros,
            Tariff tariff,
            Duration probeEvery,
            SpendLedger ledger,
            Clock clock) {
        this.provider = provider;
        this.label = label;
        this.monthlyMicros = Math.max(0, monthlyMicros);
        this.tariff = tariff;
        this.probeEvery = probeEvery;
        this.ledger = ledger;
        this.clock = clock;
    }

    public String provider() {
        return provider;
    }

    public Tariff tariff() {
        return tariff;
    }

    /** Where the one-line notices to the operators go ({@code serve}: their chats). */
    public void tellOperators(Consumer<String> sink) {
        this.operators = sink;
    }

    /**
     * The largest page of at most {@code wanted} items (and at least {@code least}) whose worst case
     * still fits today: {@code fixedMicros} plus {@code perItemMicros} for each item asked for.
     *
     * @throws SourceException when reads are paused (out of credits) or not even {@code least} items
     *     fit; {@link SourceException#retryAfter()} says when to come back
     */
    public int affordable(int wanted, int least, long perItemMicros, long fixedMicros) throws SourceException {
        Instant now = clock.instant();
        Instant paused = pausedUntil(now);
        if (paused != null) {
            throw new SourceException(
                    label + " reads paused ("
                            + ledger.flag(provider, PAUSED_WHY).orElse("out of credits") + ") until " + paused + ".",
                    null,
                    paused);
        }
        long left = shareToday(now) - spentToday(now);
        long fits = perItemMicros <= 0 ? wanted : (left - fixedMicros) / perItemMicros;
        if (fits < least) {
            String month = YearMonth.from(now.atOffset(ZoneOffset.UTC)).toString();
            String why = label + " read budget for today is used: " + Usd.format(spentToday(now)) + " of "
                    + Usd.format(shareToday(now)) + " (monthly budget " + Usd.format(monthlyMicros)
                    + "); reads resume at the next UTC day.";
            if (!month.equals(ledger.flag(provider, TOLD_BUDGET).orElse(null))) {
                ledger.flag(provider, TOLD_BUDGET, month);
                tell("⚠️ ai-digest：" + label + " 今日读取预算已用完（本月预算 " + Usd.format(monthlyMicros)
                        + "），读取暂停至 UTC 次日，其余功能照常。本月不再重复提醒。");
            }
            throw new SourceException(why, null, nextDay(now));
        }
        return (int) Math.min(wanted, fits);
    }

    /** Accounts one answered call; a success also ends an out-of-credits pause. Returns what it cost. */
    public long record(ReadCall call) {
        Instant now = clock.instant();
        long charged = ledger.record(provider, tariff, call, now);
        if (ledger.flag(provider, TOLD_CREDITS).isPresent()) {
            log.info("{} answers again: credits are back", label);
            ledger.flag(provider, PAUSED_UNTIL, null);
            ledger.flag(provider, PAUSED_WHY, null);
            ledger.flag(provider, TOLD_CREDITS, null);
            tell("✅ ai-digest：" + label + " 额度已恢复，读取继续。");
        }
        return charged;
    }

    /**
     * The reader said it has no credits left: no read until the next UTC day or the next probe,
     * whichever comes first. Returns the exception the source throws.
     */
    public SourceException outOfCredits(String what) {
        Instant now = clock.instant();
        Instant next = now.plus(probeEvery).isBefore(nextDay(now)) ? now.plus(probeEvery) : nextDay(now);
        ledger.flag(provider, PAUSED_UNTIL, next.toString());
        ledger.flag(provider, PAUSED_WHY, what);
        if (ledger.flag(provider, TOLD_CREDITS).isEmpty()) {
            ledger.flag(provider, TOLD_CREDITS, now.toString());
            tell("⚠️ ai-digest：" + label + " 额度不足（" + what + "），已停止读取，至多每 " + probeEvery.toHours() + " 小时试一次；其余功能照常。");
        }
        return new SourceException(label + " is out of credits (" + what + "); next try at " + next + ".", null, next);
    }

    /** Today's and this month's reads, the budget and whether reads are paused. */
    public Status status() {
        Instant now = clock.instant();
        LocalDate day = LocalDate.ofInstant(now, ZoneOffset.UTC);
        Instant dayStart = day.atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant monthStart = day.withDayOfMonth(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        return new Status(
                provider,
                label,
                ledger.totals(provider, dayStart, now.plusNanos(1)),
                ledger.totals(provider, monthStart, now.plusNanos(1)),
                monthlyMicros,
                shareToday(now),
                pausedUntil(now));
    }

    /**
     * One reader's spend.
     *
     * @param shareTodayMicros what today may spend in all
     * @param pausedUntil      when reads resume after an out-of-credits answer, or null
     */
    public record Status(
            String provider,
            String label,
            ReadTotals today,
            ReadTotals month,
            long budgetMicros,
            long shareTodayMicros,
            Instant pausedUntil) {}

    long shareToday(Instant now) {
        LocalDate day = LocalDate.ofInstant(now, ZoneOffset.UTC);
        Instant monthStart = day.withDayOfMonth(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant dayStart = day.atStartOfDay().toInstant(ZoneOffset.UTC);
        long before = ledger.totals(provider, monthStart, dayStart).micros();
        int daysLeft = day.lengthOfMonth() - day.getDayOfMonth() + 1;
        return Math.max(0, monthlyMicros - before) / daysLeft;
    }

    private long spentToday(Instant now) {
        Instant dayStart =
                LocalDate.ofInstant(now, ZoneOffset.UTC).atStartOfDay().toInstant(ZoneOffset.UTC);
        return ledger.totals(provider, dayStart, now.plusNanos(1)).micros();
    }

    private Instant pausedUntil(Instant now) {
        Instant until = ledger.flag(provider, PAUSED_UNTIL).map(Instant::parse).orElse(null);
        return until != null && now.isBefore(until) ? until : null;
    }

    private static Instant nextDay(Instant now) {
        return LocalDate.ofInstant(now, ZoneOffset.UTC)
                .plusDays(1)
                .atStartOfDay()
                .toInstant(ZoneOffset.UTC);
    }

    private void tell(String text) {
        try {
            operators.accept(text);
        } catch (RuntimeException e) {
            log.warn("operator notice not sent: {}", e.getMessage());
        }
        log.warn(text);
    }
}

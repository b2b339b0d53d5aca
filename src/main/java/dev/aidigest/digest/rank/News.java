package dev.aidigest.digest.rank;

/**
 * One fact a follow-up brings that the earlier posts of its story did not have.
 *
 * @param fact   the fact as the post writes it: a figure ({@code $0.3}, {@code 25 credits/sec}), a
 *               name ({@code NVFP4}) or the cue that says it ({@code every paid plan})
 * @param clause the clause of the post it stands in, short enough to quote in a summary
 */
public record News(Signal signal, String fact, String clause) {

    /**
     * What kind of news a fact is, with how an English explanation and a Chinese summary call it; in
     * the order a summary says them (a rollout or a price before one more figure or name).
     */
    public enum Signal {
        WIDER_ROLLOUT("wider rollout", "开放范围扩大"),
        PRICING("pricing", "价格"),
        OPEN_WEIGHTS("open weights", "开源"),
        BENCHMARK("benchmark or ranking", "评测与排名"),
        PAPER("paper or report", "论文与报告"),
        NEW_FIGURES("new figures", "新数字"),
        NEW_NAMES("new names", "新名字");

        private final String english;
        private final String chinese;

        Signal(String english, String chinese) {
            this.english = english;
            this.chinese = chinese;
        }

        public String english() {
            return english;
        }

        public String chinese() {
            return chinese;
        }
    }
}

package dev.aidigest.report;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Sorts a digest item into one of the report's event groups by keyword rules over its headline and
 * summary: 模型发布, 功能升级, 技术突破, 企业应用. The group with the most distinct cues wins; ties go
 * to the earlier group; an item with no cue is in none.
 */
final class EventKinds {

    static final List<String> GROUPS = List.of("模型发布", "功能升级", "技术突破", "企业应用");

    private static final List<List<Pattern>> CUES = List.of(
            cues(
                    "发布|推出|开源|亮相|问世|\\breleas(?:e|ed|es)\\b|\\blaunch(?:ed|es)?\\b|\\bintroduc(?:ing|es|ed)\\b|\\bunveil|\\bis out\\b|\\bnow out\\b",
                    "模型|\\bmodels?\\b|权重|\\bweights\\b|open[- ]weight|参数|\\b\\d+(?:\\.\\d+)?B\\b|checkpoint",
                    "\\bv\\d|\\d\\.\\d|-\\d|\\b[A-Z][A-Za-z]+ \\d(?:\\.\\d)?\\b"),
            cues(
                    "功能|\\bfeatures?\\b|\\bmode\\b|模式|更新|\\bupdate[sd]?\\b|升级|\\bupgrade|\\brolling out\\b|\\bnow (?:in|available|live)\\b",
                    "支持|\\bsupports?\\b|接入|集成|\\bintegrat|新增|上线|\\blive\\b|\\bnew in\\b|\\bavailable\\b"),
            cues(
                    "论文|研究|\\bpaper\\b|\\bresearch\\b|arXiv|\\bbenchmarks?\\b|基准|SOTA|state[- ]of[- ]the[- ]art|突破|\\bbreakthrough",
                    "IMO|数学|\\bmath|预报|\\bforecast|科学|\\bscien|\\bdiscover|\\breasoning\\b|推理"),
            cues(
                    "融资|估值|收购|合作|企业|客户|营收|收入|商业|创业|\\brais(?:ed|es|ing)\\b|\\bfunding\\b|\\bvaluation\\b|\\bacqui",
                    "\\bpartner|\\benterprise|\\bcustomers?\\b|\\brevenue\\b|\\bstartup|\\bhiring\\b|数据中心|\\bdata ?cent(?:er|re)s?\\b",
                    "基础设施|\\binfrastructure\\b|投资|\\binvest|\\bbusiness\\b|公司"));

    private EventKinds() {}

    private static List<Pattern> cues(String... regexes) {
        return java.util.Arrays.stream(regexes)
                .map(r -> Pattern.compile(r, Pattern.CASE_INSENSITIVE))
                .toList();
    }

    /** Index into {@link #GROUPS}, or -1 when no group fits. */
    static int of(String text) {
        int best = -1;
        int bestHits = 0;
        for (int g = 0; g < CUES.size(); g++) {
            int hits = 0;
            for (Pattern p : CUES.get(g)) {
                hits += p.matcher(text).find() ? 1 : 0;
            }
            // a release needs its verb: "a model" alone is not a launch
            if (g == 0 && !CUES.get(0).get(0).matcher(text).find()) {
                hits = 0;
            }
            if (hits > bestHits) {
                best = g;
                bestHits = hits;
            }
        }
        return best;
    }
}

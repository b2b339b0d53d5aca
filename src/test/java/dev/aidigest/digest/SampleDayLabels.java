package dev.aidigest.digest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The stories of the sample day as its README labels them, post by post (the README gives each
 * story's first id and size; the other ids were read off the JSON). The same label in two windows
 * (Kosmos, FLUX.2, Opus 4.5, Ilya, Suno) is one story told in two digests. Noise posts are absent.
 */
public final class SampleDayLabels {

    private SampleDayLabels() {}

    /** Tweet id → story label. */
    public static final Map<Long, String> LABELS = labels();

    private static Map<Long, String> labels() {
        Map<Long, String> m = new HashMap<>();
        // 00:00–04:00
        put(m, "ilya-interview", 1993351048036276641L);
        put(m, "hunyuanvideo-1.5", 1993352806183434398L, 1993360924852130319L, 1993372667245688336L);
        put(m, "genesis-mission", 1993357881064348577L, 1993378094466627194L);
        put(m, "suno-warner", 1993362121007512043L);
        put(m, "lecun-world-models", 1993373703629187198L);
        put(m, "ng-evals", 1993381883387770030L);
        put(m, "kosmos", 1993386760661938076L);
        put(m, "toolorchestra", 1993390296874459511L);
        put(m, "amasad-vibe-coding", 1993397512809107984L);
        put(m, "china-open-models-study", 1993407362315713884L);
        // 04:00–08:00
        put(m, "karpathy-homework", 1993412015576148419L, 1993447231908120731L, 1993464835081669050L);
        put(m, "sfcompute-40m", 1993419567462453342L);
        put(m, "anthropic-reward-hacking", 1993424690507016300L, 1993456147376434108L);
        put(m, "antigravity-browser-agent", 1993432022083138400L);
        put(m, "1x-neo", 1993433363956437167L);
        put(m, "weathernext-2", 1993437146636126420L, 1993466897301215668L);
        put(m, "kandinsky-5", 1993445932725832287L, 1993450896562079700L);
        put(m, "peter-ai-tutors", 1993452362677193569L);
        put(m, "replit-design-mode", 1993458466422392082L);
        put(m, "oran-ai-companion", 1993460338423717301L);
        // 08:00–12:00
        put(m, "notebooklm-nano-banana-pro", 1993472788054560894L, 1993486167705789741L, 1993494977913777757L);
        put(m, "ilya-interview", 1993477419835057852L);
        put(m, "balaji-open-vs-closed", 1993488831499929777L);
        put(m, "suno-warner", 1993490016356001560L);
        put(m, "qwen3-vl-report", 1993502708038755208L, 1993511348081466050L);
        put(m, "oran-startups-vs-giants", 1993506251914332178L);
        put(m, "gemini3-dynamic-view", 1993512641769582104L);
        put(m, "mineru-tool", 1993514560536984101L);
        put(m, "flux2", 1993519738793792081L, 1993525372544806846L, 1993529272221676073L);
        // 12:00–16:00
        put(
                m,
                "opus-4.5",
                1993531070652472831L,
                1993539023038497629L,
                1993544840923490025L,
                1993571716605996367L,
                1993579281992133048L);
        put(m, "peter-500x-research", 1993532680703720676L);
        put(
                m,
                "flux2",
                1993533680976431991L,
                1993534220917834037L,
                1993536685460876255L,
                1993539850006775286L,
                1993562589036758798L);
        put(m, "gary-gpt5-openai", 1993535337914771262L, 1993555458620509488L);
        put(m, "claude-code-deploy-tip", 1993538020971177646L);
        put(m, "chatgpt-voice-in-chat", 1993540229354500144L, 1993542472386849523L, 1993570424206193669L);
        put(m, "llm-council", 1993543283952710129L, 1993544196409402880L, 1993589434668052282L);
        put(m, "nano-banana-pro-weather-card", 1993545430870222149L, 1993549805924869072L, 1993553034139335146L);
        put(m, "meta-sam3", 1993547795004709019L, 1993550766258872302L, 1993572552202138395L, 1993585079928734429L);
        put(m, "peter-reskilling", 1993549076881910879L);
        put(m, "chatgpt-shopping-research", 1993551753771962665L, 1993563572989866044L);
        put(m, "meta-rayban-display", 1993553739191534203L, 1993561065019671458L);
        put(m, "deepseekmath-v2", 1993556476837225379L, 1993558022712424872L, 1993577659428578150L);
        put(m, "peter-32-countries", 1993559192149052122L);
        put(m, "prompt-injection-warning", 1993559934590182740L);
        put(m, "injection:non-configured", 1993561801938769445L);
        put(m, "ai-chips-report", 1993565097383588362L);
        put(m, "replit-security-scan", 1993566063834773363L);
        put(m, "peter-datacenter-power", 1993568044234651994L, 1993568371232594218L);
        put(m, "kosmos", 1993575510953877236L);
        put(m, "gemini3-svg-animation", 1993583062757642912L);
        put(m, "kimi-ppt-nano-banana-pro", 1993584466412500032L, 1993588218831019389L);
        put(m, "hunyuan-ocr", 1993586824210568639L);
        // 16:00–20:00
        put(m, "z-image-turbo", 1993595795680111667L, 1993598203287092540L, 1993628447377295253L, 1993646060362071395L);
        put(m, "eiffel-tower-llama", 1993600845536445458L);
        put(m, "nano-banana-pro-calendar", 1993608213874132315L);
        put(m, "hf-best-place-to-start", 1993613293257371703L);
        put(m, "gemini-synthid-check", 1993614656004675931L, 1993618441334892967L);
        put(m, "lecun-ami-startup", 1993620769725064433L, 1993642174066660439L);
        put(m, "listenhub-labnana-black-friday", 1993630987557385489L);
        put(m, "fara-7b", 1993639850728576862L);
        put(m, "gemini3-prompting-guide", 1993644821453868968L);
        put(m, "opus-4.5", 1993648440691032793L);
        // 20:00–24:00
        put(m, "anthropic-long-running-agents", 1993653703216426266L, 1993674858652687562L);
        put(m, "cursor-2.1", 1993661159270917671L);
        put(m, "lerobot-lightwheel", 1993663662343447570L, 1993666081333024864L);
        put(m, "whisper-thunder", 1993668695905701285L, 1993678658238163623L);
        put(m, "codex-max-vs-opus-backend", 1993676227100456985L);
        put(m, "genesis-infrastructure", 1993682583101620466L);
        put(m, "gary-vs-lecun", 1993688726907270288L);
        put(m, "ng-ai-jobs", 1993696455714631725L);
        put(m, "alphafold-5-years", 1993703930663191774L);
        put(m, "nano-banana-pro-nerfed", 1993709035785784252L);
        return Map.copyOf(m);
    }

    private static void put(Map<Long, String> m, String label, long... ids) {
        for (long id : ids) {
            if (m.put(id, label) != null) {
                throw new IllegalStateException("labelled twice: " + id);
            }
        }
    }

    /** Bare retweets, replies to other people and off-topic chatter: the filter drops all 37. */
    public static final List<Long> NOISE = List.of(
            1993354308099061784L,
            1993393901988550419L,
            1993416047163258985L,
            1993467551163768716L,
            1993498814432400889L,
            1993521816751496662L,
            1993531974023256846L,
            1993547004262532411L,
            1993552413446205365L,
            1993574298226113651L,
            1993601980447669373L,
            1993633491110632524L,
            1993637250704840773L,
            1993671127746348525L,
            1993706445164383371L,
            1993369226886305577L,
            1993404604435571271L,
            1993429676841950028L,
            1993516366718547165L,
            1993527726181694085L,
            1993548385724625382L,
            1993557280874488976L,
            1993578524355368510L,
            1993580527686653827L,
            1993692663276069405L,
            1993700149668321270L,
            1993385658464868952L,
            1993402791703796540L,
            1993442243703249109L,
            1993471137216839703L,
            1993509662035068554L,
            1993546376589597587L,
            1993554537406389484L,
            1993572957198136648L,
            1993610917985456458L,
            1993657257896822121L,
            1993693945094266909L);
}

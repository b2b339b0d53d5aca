package dev.aidigest.bench;

import dev.aidigest.llm.BgeEmbedder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Regenerates {@code src/main/resources/dev/aidigest/digest/bge-small-zh-v1.5-q.background.txt}:
 * the mean bge-small-zh vector of the Chinese posts and of the other posts of the two hand-written
 * clustering sets ({@code src/test/resources/clustering/*.jsonl}, 113 posts). An earlier version
 * used the generated benchmark texts; their mean left too much "AI talk" in real posts (unrelated
 * English posts of the sample day stayed at 0.4–0.5 centred similarity).
 * Run after changing the embedding model:
 * {@code java -cp target/classes:target/test-classes:<deps> dev.aidigest.bench.BackgroundMeans <file>}.
 */
public final class BackgroundMeans {

    private BackgroundMeans() {}

    public static void main(String[] args) throws Exception {
        List<String> zh = new ArrayList<>();
        List<String> other = new ArrayList<>();
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        for (String set : List.of("labelled_posts.jsonl", "heldout_posts.jsonl")) {
            for (String line : Files.readAllLines(Path.of("src/test/resources/clustering", set))) {
                if (line.isBlank()) {
                    continue;
                }
                String t = json.readTree(line).get("text").asText();
                long han = t.codePoints()
                        .filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)
                        .count();
                long letters = t.codePoints().filter(Character::isLetter).count();
                (han * 5 >= letters && han > 0 ? zh : other).add(t);
            }
        }
        BgeEmbedder embedder = new BgeEmbedder();
        String out = line("other", embedder.embed(other)) + "\n" + line("cjk", embedder.embed(zh)) + "\n";
        Files.writeString(Path.of(args[0]), out);
        System.out.println("wrote " + args[0] + " from " + other.size() + " other and " + zh.size() + " Chinese texts");
    }

    private static String line(String name, List<float[]> vectors) {
        double[] sum = new double[vectors.get(0).length];
        for (float[] v : vectors) {
            for (int d = 0; d < v.length; d++) {
                sum[d] += v[d];
            }
        }
        StringBuilder sb = new StringBuilder(name).append(':');
        for (double s : sum) {
            sb.append(' ').append(String.format(Locale.ROOT, "%.6f", s / vectors.size()));
        }
        return sb.toString();
    }
}

package dev.aidigest.digest.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one model that decides whether two units tell the same story: a logistic regression over
 * {@link PairEvidence#features()}, {@code P(same) = 1 / (1 + e^−(bias + Σ wᵢ xᵢ))}, linked when
 * {@code P ≥ threshold}. Its weights are data, fitted from labelled windows by {@code StoryModelFit}
 * and kept in {@code config/story-model.yml} with the data and scores they came from.
 */
// loaded once from the configuration, never compared
@SuppressWarnings("ArrayRecordComponent")
public record StoryModel(double bias, double[] weights, double threshold) {

    static final String FILE = "story-model.yml";

    public StoryModel {
        if (weights.length != PairEvidence.FEATURES.size()) {
            throw new IllegalArgumentException(
                    "a story model has " + PairEvidence.FEATURES.size() + " weights, not " + weights.length);
        }
        if (!(threshold > 0 && threshold < 1)) {
            throw new IllegalArgumentException("threshold must be between 0 and 1, not " + threshold);
        }
        weights = weights.clone();
    }

    /** The model of {@code configDir/story-model.yml}, or the bundled one when there is none. */
    public static StoryModel load(Path configDir) {
        Path file = configDir == null ? null : configDir.resolve(FILE);
        if (file != null && Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                return parse(in, file.toString());
            } catch (IOException e) {
                throw new IllegalArgumentException(file + ": cannot read: " + e.getMessage(), e);
            }
        }
        return bundled();
    }

    /** The model shipped in the jar. */
    public static StoryModel bundled() {
        try (InputStream in = StoryModel.class.getResourceAsStream("/config/" + FILE)) {
            if (in == null) {
                throw new IllegalStateException("bundled config/" + FILE + " is missing");
            }
            return parse(in, "bundled config/" + FILE);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read bundled config/" + FILE, e);
        }
    }

    static StoryModel parse(InputStream in, String source) throws IOException {
        JsonNode root;
        try {
            root = dev.aidigest.json.Jackson.yaml().readTree(in);
        } catch (IOException e) {
            throw new IllegalArgumentException(source + ": not valid YAML: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(source + ": expected keys bias, threshold and weights");
        }
        for (Iterator<String> keys = root.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (!List.of("bias", "threshold", "weights").contains(key)) {
                throw new IllegalArgumentException(source + ": unknown key '" + key + "'");
            }
        }
        JsonNode w = root.path("weights");
        double[] weights = new double[PairEvidence.FEATURES.size()];
        for (Iterator<String> keys = w.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (!PairEvidence.FEATURES.contains(key)) {
                throw new IllegalArgumentException(source + ": unknown feature '" + key + "' under weights (known: "
                        + String.join(", ", PairEvidence.FEATURES) + ")");
            }
        }
        for (int i = 0; i < weights.length; i++) {
            weights[i] = number(w, PairEvidence.FEATURES.get(i), source + ": weights");
        }
        return new StoryModel(number(root, "bias", source), weights, number(root, "threshold", source));
    }

    private static double number(JsonNode node, String key, String where) {
        JsonNode v = node.get(key);
        if (v == null || !v.isNumber()) {
            throw new IllegalArgumentException(where + ": '" + key + "' must be a number");
        }
        return v.asDouble();
    }

    /** The log-odds that the pair is one story. */
    public double logit(PairEvidence e) {
        double[] x = e.features();
        double z = bias;
        for (int i = 0; i < x.length; i++) {
            z += weights[i] * x[i];
        }
        return z;
    }

    public double probability(PairEvidence e) {
        return sigmoid(logit(e));
    }

    /**
     * {@link #logit(PairEvidence)} of the evidence these arguments make, without building it: the
     * clusterer scores hundreds of thousands of pairs in a big window. Same order and meaning as
     * {@link PairEvidence#features()}.
     */
    double logit(
            double similarity,
            double name,
            double words,
            boolean lead,
            boolean clash,
            boolean sameAuthor,
            boolean sameLink,
            double hoursApart,
            boolean crossScript) {
        double cross = crossScript ? 1 : 0;
        double z = bias
                + weights[0] * similarity
                + weights[1] * similarity * cross
                + weights[2] * cross
                + weights[3] * name
                + weights[4] * words
                + weights[5] * words * cross
                + (lead ? weights[6] : 0)
                + (clash ? weights[7] : 0)
                + (sameAuthor ? weights[8] : 0)
                + (sameLink ? weights[9] : 0)
                + weights[10] * hoursApart;
        return z;
    }

    /** What a words cosine adds to a pair's log-odds. */
    double wordsLogit(double words, boolean crossScript) {
        return words * (weights[4] + (crossScript ? weights[5] : 0));
    }

    static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    /**
     * The most the words feature can add to the log-odds of a pair (its cosine is at most 1): a pair
     * whose other evidence is further below a probability than this need not have its words compared.
     */
    double mostFromWords(boolean crossScript) {
        return Math.max(0, weights[4] + (crossScript ? weights[5] : 0));
    }

    public boolean links(PairEvidence e) {
        return probability(e) >= threshold;
    }

    /** The weight of one feature of {@link PairEvidence#FEATURES}. */
    double weight(String feature) {
        int i = PairEvidence.FEATURES.indexOf(feature);
        if (i < 0) {
            throw new IllegalArgumentException("no feature " + feature);
        }
        return weights[i];
    }

    /** Weight by feature name, in {@link PairEvidence#FEATURES} order. */
    public Map<String, Double> named() {
        Map<String, Double> out = new LinkedHashMap<>();
        for (int i = 0; i < weights.length; i++) {
            out.put(PairEvidence.FEATURES.get(i), weights[i]);
        }
        return out;
    }

    /** The similarity at which two posts in one language, at the same time, link with nothing else in common. */
    public double similarityAlone() {
        PairEvidence zero = new PairEvidence(0, 0, null, 0, false, false, false, false, 0, false);
        return (Math.log(threshold / (1 - threshold)) - logit(zero)) / weights[0];
    }

    /**
     * The lowest similarity at which a pair with no name, lead, link or reply/quote in common can
     * still be linked (the most favourable of the other features): pairs below it need not have their
     * similarity computed exactly. {@code Double.POSITIVE_INFINITY} when no similarity is enough.
     */
    double minSimilarityWithoutNames(double maxHours) {
        return minSimilarity(0, maxHours);
    }

    /**
     * The lowest similarity at which a pair can still be linked when what it shares besides
     * similarity adds at most {@code extraLogit} (a common lead: its weight; a name: its weight ×
     * the name's rarity), the other features at their most favourable.
     */
    double minSimilarity(double extraLogit, double maxHours) {
        double best = Double.POSITIVE_INFINITY;
        double need = Math.log(threshold / (1 - threshold));
        for (int cross = 0; cross <= 1; cross++) {
            for (int author = 0; author <= 1; author++) {
                for (double hours : new double[] {0, maxHours}) {
                    PairEvidence zero = new PairEvidence(
                            0, 0, null, 0, false, false, author == 1, false, (float) hours, cross == 1);
                    double slope = weights[0] + cross * weights[1];
                    if (slope > 0) {
                        best = Math.min(best, (need - extraLogit - logit(zero)) / slope);
                    }
                }
            }
        }
        return best;
    }
}

package dev.aidigest.digest.cluster;

import java.util.List;
import java.util.Locale;

/**
 * What one pair of units (a post, a self-thread, a post with its quotes) has in common, as the
 * story model reads it. Every field is one kind of evidence; {@link StoryModel} weighs them.
 *
 * @param similarity  cosine of the window-centred embeddings (−1 … 1; 0 when a vector is missing)
 * @param name        weight of the rarest name both mention, after alias normalisation: rarity in the
 *                    window × how it is written × how early it is mentioned (0 … 1)
 * @param nameKey     that name's key, null when none ({@code flux2}, {@code nvidia})
 * @param words       cosine of the two units' TF-IDF word vectors, names and terms of AI news read
 *                    alike in Chinese and English ({@link WordVectors}; 0 … 1)
 * @param lead        both lead with a common name, company and product words included
 * @param clash       each leads with a specific subject the other never mentions (two models of one lab)
 * @param sameAuthor  the units share an author
 * @param sameLink    they link to the same page
 * @param hoursApart  time between their first posts, in hours
 * @param crossScript one is written in Chinese, the other not
 */
public record PairEvidence(
        float similarity,
        float name,
        String nameKey,
        float words,
        boolean lead,
        boolean clash,
        boolean sameAuthor,
        boolean sameLink,
        float hoursApart,
        boolean crossScript) {

    /** The model's inputs, in the order of {@link #features()}: the keys of {@code story-model.yml}. */
    public static final List<String> FEATURES = List.of(
            "similarity",
            "similarity_cross_script",
            "cross_script",
            "name",
            "words",
            "words_cross_script",
            "lead",
            "clash",
            "same_author",
            "same_link",
            "hours_apart");

    /** The feature vector the model weighs; {@link #FEATURES} names each entry. */
    public double[] features() {
        double cross = crossScript ? 1 : 0;
        return new double[] {
            similarity,
            similarity * cross,
            cross,
            name,
            words,
            words * cross,
            lead ? 1 : 0,
            clash ? 1 : 0,
            sameAuthor ? 1 : 0,
            sameLink ? 1 : 0,
            hoursApart
        };
    }

    /** One line for logs and {@code digest --explain}: only the evidence that is there. */
    public String describe() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "similarity %.2f", similarity));
        if (nameKey != null) {
            sb.append(String.format(Locale.ROOT, ", name %s %.2f", nameKey, name));
        }
        if (words > 0) {
            sb.append(String.format(Locale.ROOT, ", words %.2f", words));
        }
        if (lead) {
            sb.append(", same lead");
        }
        if (clash) {
            sb.append(", subjects clash");
        }
        if (sameAuthor) {
            sb.append(", same author");
        }
        if (sameLink) {
            sb.append(", same link");
        }
        sb.append(String.format(Locale.ROOT, ", %.1f h apart", hoursApart));
        if (crossScript) {
            sb.append(", zh/en");
        }
        return sb.toString();
    }
}

package dev.aidigest.digest.rank;

import dev.aidigest.digest.Story;

/**
 * A story that made the cut, with its score and whether it continues a story from an earlier digest.
 */
public record RankedStory(Story story, double score, boolean followUp) {}

package dev.aidigest.digest.review;

/**
 * Two stories the engine almost merged.
 *
 * @param a     index of one story in the reviewed list
 * @param b     index of the other
 * @param score how close they came (higher is closer); orders the pairs when not all can be shown
 */
public record NearPair(int a, int b, double score) {}

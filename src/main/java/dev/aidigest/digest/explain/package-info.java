/**
 * Why a post is, or is not, in a digest: {@link dev.aidigest.digest.explain.DigestExplanation} reads one
 * build of the pipeline ({@code DigestBuilder.Build}) and accounts for every post of the window once —
 * dropped by the filter and why, or the story it ended in, the links that joined it with their
 * evidence, the nearest miss, the story's score and its terms, and whether it became an item, was not
 * picked or repeated an earlier one — and prints it as text or JSON. It is pure: it uses the digest's
 * value types, the clusterer's {@code Clustering} and Jackson, and reads, writes and calls nothing.
 */
package dev.aidigest.digest.explain;

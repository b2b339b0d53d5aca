/**
 * Which of a window's stories the digest tells, and in what order: {@link
 * dev.aidigest.digest.rank.StoryRanker} scores and picks them; {@link
 * dev.aidigest.digest.rank.RepeatGuard} decides for each whether an earlier digest of the last day
 * already told it ({@code Continuity}) and, if so, whether it has news ({@code NewsFinder}:
 * figures, names and the cue lines of {@code news-cues.txt}, compared with the earlier item's
 * posts); {@link
 * dev.aidigest.digest.rank.FollowUp} keeps that decision and its reason, and {@link
 * dev.aidigest.digest.rank.RankedStory} carries a story with its score and decision.
 *
 * <p>It may use the digest's values and ports ({@code Story}, {@code StoredPost}, {@code Slot},
 * {@code Posts}, {@code Digests}), its text tools ({@code Entities}, {@code Centring}, {@code
 * Background}, {@code PostWords}, {@code PostText}) and the configuration records. It never reaches
 * the store, the LLM or a channel, and it forms no stories: {@code DigestBuilder} hands it the
 * clustered stories and is its only caller in the pipeline.
 */
package dev.aidigest.digest.rank;

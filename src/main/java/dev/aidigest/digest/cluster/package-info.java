/**
 * Which posts tell the same story: post vectors centred against the background, pair evidence (shared
 * entities, links, phrases, threads) scored by the story model of {@code config/story-model.yml}, average
 * linkage clustering and the order of posts within a story. May use {@code digest}, {@code digest.review},
 * {@code ingest}, {@code text}, {@code config} and Jackson for the model file.
 */
package dev.aidigest.digest.cluster;

/**
 * The measuring instrument for story quality (test scope): the labelled evaluation windows under
 * {@code src/test/resources/eval/}, run through the real import → digest path ({@link
 * dev.aidigest.eval.EvalRun}), scored with a port of the corpus's {@code score.py} ({@link
 * dev.aidigest.eval.StoryScores}) and explained window by window ({@link dev.aidigest.eval.Diagnosis}).
 *
 * <p>Similarities in the diagnosis come from {@code dev.aidigest.digest.CentredSimilarity}, a test-scope
 * view of the clusterer's centring.
 *
 * <p>May use the application's own wiring ({@code dev.aidigest.Wiring}) and the digest, ingest and
 * store types it hands out, Jackson for the corpus files, and nothing that reaches the network.
 */
package dev.aidigest.eval;

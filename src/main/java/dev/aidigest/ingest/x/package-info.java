/**
 * X API v2: the response parser (exactly as the API answers, {@code includes} and partial errors
 * included) and the source that reads followed accounts with {@code since_id} over OkHttp.
 *
 * <p>May use {@code ingest}, {@code ingest.http}, {@code json} and OkHttp.
 */
package dev.aidigest.ingest.x;

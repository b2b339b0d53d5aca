/**
 * twitterapi.io, a cheaper reader of X posts: its advanced search batches many followed accounts into
 * one {@code from:a OR from:b ... since_time:} query, and its list timeline reads an X List. Every
 * call goes through the spend governor of {@code ingest.spend}, billed per returned tweet with a
 * minimum per call, whole pages at a time.
 */
package dev.aidigest.ingest.twitterapi;

/**
 * {@code doctor}: checks an installation one item at a time (database, each configured chat
 * platform's credentials, the LLM endpoint, the X API, the word-cloud font) with one call each to
 * the service's own endpoint, and says in one line per item what it found. Uses configuration and
 * plain HTTP only; it builds none of the features.
 */
package dev.aidigest.doctor;

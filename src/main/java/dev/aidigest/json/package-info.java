/**
 * The configured Jackson mappers the whole program shares. Owns their settings; uses only Jackson, and every
 * other package may use it.
 */
package dev.aidigest.json;

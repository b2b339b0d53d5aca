/**
 * An edition of the digest for a slot: when one is due, whether its posts are fresh enough, and the renewal of
 * post vectors made by an older model before it is built. May use {@code digest} and {@code render}.
 */
package dev.aidigest.edition;

/**
 * The HTTP server of {@code serve} (Javalin 7): {@code /healthz} and the channels' webhooks.
 *
 * <p>Also serves the web archive and its JSON API. May use {@code channel}, {@code command}, {@code render}, {@code json}, Javalin, rome (the archive feed), commonmark and Micrometer; the store implements its ports.
 */
package dev.aidigest.web;

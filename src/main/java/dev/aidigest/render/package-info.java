/**
 * Rendering that several outputs share: the digest as Markdown, the credits line, the static site of the web
 * archive and the one HTML escaper every HTML or HTML-like output uses. May use {@code digest} and jsoup;
 * never the store, the channels or the web server.
 */
package dev.aidigest.render;

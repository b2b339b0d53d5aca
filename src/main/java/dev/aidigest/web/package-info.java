/** The HTTP server of {@code serve} (Javalin 7): {@code /healthz} and the channels' webhooks. */
package dev.aidigest.web;

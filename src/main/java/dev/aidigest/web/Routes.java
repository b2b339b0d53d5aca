package dev.aidigest.web;

import io.javalin.config.JavalinConfig;

/** A group of HTTP routes that adds itself to the server's configuration (Javalin 7 declares routes in config). */
@FunctionalInterface
public interface Routes {

    void addTo(JavalinConfig cfg);
}

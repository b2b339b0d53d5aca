package dev.aidigest.web;

import com.fasterxml.jackson.databind.JsonNode;

/** One more section of {@code /healthz}, from a part of the product that knows its own state. */
public interface HealthPart {

    /** The key of the section in the {@code /healthz} object. */
    String name();

    /** The section; read at each request. */
    JsonNode report();
}

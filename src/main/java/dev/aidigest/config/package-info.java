/**
 * The configuration: the records read from {@code config/*.yml} and the environment, and the loader that merges
 * the bundled defaults, the files of a {@code ./config} directory and the {@code AIDIGEST_*} variables. Uses only
 * Jackson (through {@code json}); every other package may read its records.
 */
package dev.aidigest.config;

/**
 * The command line: one picocli command per verb ({@code import}, {@code ingest}, {@code digest}, {@code report},
 * {@code serve}, {@code demo}, {@code mcp}), their options, exit codes and progress output. May use the parts that
 * {@code Wiring} builds ({@code ingest}, {@code digest}, {@code edition}, {@code report}, {@code delivery},
 * {@code store}); holds no logic of its own beyond parsing and reporting.
 */
package dev.aidigest.cli;

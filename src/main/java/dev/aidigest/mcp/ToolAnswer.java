package dev.aidigest.mcp;

import java.util.Optional;

/**
 * What a tool answers: markdown, and for a daily report its word cloud as PNG bytes when one is stored.
 * The SDK's content types are made from it in {@link McpTools}.
 */
record ToolAnswer(String text, Optional<byte[]> png) {

    static ToolAnswer text(String markdown) {
        return new ToolAnswer(markdown, Optional.empty());
    }
}

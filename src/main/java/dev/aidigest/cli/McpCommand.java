package dev.aidigest.cli;

import dev.aidigest.Wiring;
import dev.aidigest.mcp.ArchiveTools;
import dev.aidigest.mcp.McpStdio;
import dev.aidigest.store.ArchiveStore;
import dev.aidigest.store.SiteArchiveStore;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.Command;

/**
 * {@code mcp}: the MCP server over stdin/stdout for AI clients (Claude Desktop and the like start it
 * as a subprocess). Stdout carries the protocol alone: the process's {@code System.out} is pointed at
 * stderr before anything is served, so no library's stray print can break a message.
 */
@Command(
        name = "mcp",
        mixinStandardHelpOptions = true,
        showDefaultValues = true,
        footer = {
            "",
            "Tools: latest_digest, digest(slot), search(query[, page]), daily_report(date), story(id);",
            "a story id is a digest item, slot#N (2025.11.26.16#3). Logs go to stderr.",
            "Examples:",
            "  ai-digest mcp",
            "  ai-digest --data /var/lib/ai-digest mcp"
        },
        description = "Serve the archive to an AI client over MCP (JSON-RPC on stdin/stdout) until stdin ends.")
final class McpCommand extends BaseCommand {

    @Override
    int run(Wiring w) throws Exception {
        FileOutputStream protocol = new FileOutputStream(FileDescriptor.out);
        PrintStream original = System.out;
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8));
        try {
            ArchiveTools tools = new ArchiveTools(
                    new SiteArchiveStore(w.db()), new ArchiveStore(w.db(), w.clock()), w.search(), w.zone(), w.clock());
            McpStdio.serve(tools, System.in, protocol);
        } finally {
            System.setOut(original);
        }
        return 0;
    }
}

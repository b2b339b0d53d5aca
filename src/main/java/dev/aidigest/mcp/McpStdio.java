package dev.aidigest.mcp;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.BufferedInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.CountDownLatch;

/**
 * The MCP server over a pair of streams (the {@code mcp} command gives it stdin and stdout): one
 * session, one JSON-RPC message per line, until the input ends. Malformed lines are answered by
 * {@link JsonRpcLines} and serving goes on.
 */
public final class McpStdio {

    private McpStdio() {}

    /** Serves {@code tools} until {@code in} ends; only protocol messages are written to {@code out}. */
    public static void serve(ArchiveTools tools, InputStream in, OutputStream out) throws InterruptedException {
        McpJsonMapper json = McpJsonDefaults.getMapper();
        ProtocolOut protocol = new ProtocolOut(out);
        CountDownLatch ended = new CountDownLatch(1);
        JsonRpcLines lines = new JsonRpcLines(new BufferedInputStream(in), protocol, json, ended::countDown);
        McpSyncServer server = McpServer.sync(new StdioServerTransportProvider(json, lines, protocol))
                .serverInfo(McpTools.NAME, McpTools.VERSION)
                .instructions(McpTools.INSTRUCTIONS)
                .capabilities(
                        McpSchema.ServerCapabilities.builder().tools(false).build())
                .tools(McpTools.forSessions(tools))
                .build();
        try {
            ended.await();
        } finally {
            server.close();
        }
    }
}

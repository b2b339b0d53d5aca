package dev.aidigest.mcp;

import dev.aidigest.web.Routes;
import io.javalin.config.JavalinConfig;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.transport.DefaultServerTransportSecurityValidator;
import io.modelcontextprotocol.server.transport.HttpServletStatelessServerTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;

/**
 * {@code /mcp} of {@code serve}: the MCP tools over the protocol's streamable HTTP, served by the SDK's
 * stateless servlet transport, mounted beside Javalin's own servlet in the same Jetty context (the
 * exact path wins over Javalin's {@code /*}). Stateless: every POST is answered on its own with JSON,
 * there are no sessions and no long-lived event streams (GET answers 405), so any node behind a load
 * balancer can answer and the connector's read timeout cuts nothing. A body that is not one JSON-RPC
 * message is answered 400 by {@link McpRequestCheck} before it reaches the SDK. The tools read only what the
 * public archive pages show, so the route is public like them; a request that carries an
 * {@code Origin} other than {@code http.public_url} is refused (403), so a web page in a browser cannot
 * call it.
 */
public final class McpRoutes implements Routes {

    public static final String PATH = "/mcp";
    private static final int MAX_REQUEST_BYTES = 1 << 20;

    private final ArchiveTools tools;
    private final String publicUrl;

    /** @param publicUrl the site's public address (an allowed browser origin), or empty */
    public McpRoutes(ArchiveTools tools, String publicUrl) {
        this.tools = tools;
        this.publicUrl = publicUrl == null ? "" : publicUrl.strip().replaceAll("/+$", "");
    }

    @Override
    public void addTo(JavalinConfig cfg) {
        HttpServletStatelessServerTransport transport = HttpServletStatelessServerTransport.builder()
                .jsonMapper(McpJsonDefaults.getMapper())
                .messageEndpoint(PATH)
                .maxRequestSize(MAX_REQUEST_BYTES)
                .securityValidator(DefaultServerTransportSecurityValidator.builder()
                        .allowedOrigins(publicUrl.isEmpty() ? List.of() : List.of(publicUrl))
                        .build())
                .build();
        // the server registers itself as the transport's handler; the transport is the servlet
        McpServer.sync(transport)
                .serverInfo(McpTools.NAME, McpTools.VERSION)
                .instructions(McpTools.INSTRUCTIONS)
                .capabilities(
                        McpSchema.ServerCapabilities.builder().tools(false).build())
                .tools(McpTools.stateless(tools))
                .build();
        // malformed bodies are answered before the SDK sees them (it logs them at ERROR)
        cfg.jetty.modifyServletContextHandler(
                context -> context.addServlet(new McpRequestCheck(transport, MAX_REQUEST_BYTES), PATH));
    }
}

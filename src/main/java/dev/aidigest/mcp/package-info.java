/**
 * The MCP server: the archive (digests, daily reports, their items as stories, and search) as tools of
 * the Model Context Protocol, for AI clients. {@link dev.aidigest.mcp.ArchiveTools} answers in the
 * markdown the archive holds, through the same ports the chats and pages read
 * ({@code command.Archive}, {@code command.TopicSearch}, {@code web.SiteArchive});
 * {@link dev.aidigest.mcp.McpTools} makes MCP tools of it. It is served over stdin/stdout by the
 * {@code mcp} command ({@link dev.aidigest.mcp.McpStdio}) and at {@code /mcp} of {@code serve}
 * ({@link dev.aidigest.mcp.McpRoutes}). Only this package sees the MCP SDK ({@code io.modelcontextprotocol}).
 */
package dev.aidigest.mcp;

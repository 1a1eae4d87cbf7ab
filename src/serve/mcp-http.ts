import type { IncomingMessage, ServerResponse } from 'node:http';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { ApiError } from './errors.js';
import { readJson } from './http-io.js';
import { createMcpServer, type McpDeps } from './mcp-tools.js';

/**
 * `POST /mcp`: the MCP tools over Streamable HTTP, stateless (each request is served on its own, so
 * no session outlives a request and any client may call at any time). Its body is read under the
 * same cap as the rest of the API.
 */
export async function handleMcp(req: IncomingMessage, res: ServerResponse, deps: McpDeps): Promise<void> {
  if (req.method !== 'POST')
    throw new ApiError(405, 'method_not_allowed', 'MCP over HTTP takes POST requests at /mcp.');
  const body = await readJson(req);
  const server = createMcpServer(deps);
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
  res.on('close', () => {
    void transport.close();
    void server.close();
  });
  await server.connect(transport);
  await transport.handleRequest(req, res, body);
}

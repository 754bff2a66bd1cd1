/**
 * A Web API client per workspace, for the digests and follows that post on their own (not in
 * answer to a request, which comes with Bolt's client). Clients are kept, one a workspace, and
 * made again when the workspace's token changes (a reinstall); a workspace without a token has
 * none, and whatever would post there fails with NOT_INSTALLED (src/digest/ports.ts), which
 * pauses it as a channel that cannot be posted to.
 */
import type { webApi } from '@slack/bolt';
import type { WorkspaceTokens } from './workspace-tokens.js';

export interface WorkspaceClients {
  /** The workspace's client, or undefined when Tidings has no token for it. */
  clientFor(teamId: string): Promise<webApi.WebClient | undefined>;
}

export function createWorkspaceClients(tokens: WorkspaceTokens, makeClient: (token: string) => webApi.WebClient): WorkspaceClients {
  const clients = new Map<string, { readonly token: string; readonly client: webApi.WebClient }>();
  return {
    async clientFor(teamId) {
      const token = await tokens.botTokenFor(teamId);
      if (token === undefined) {
        clients.delete(teamId);
        return undefined;
      }
      const known = clients.get(teamId);
      if (known?.token === token) return known.client;
      const client = makeClient(token);
      clients.set(teamId, { token, client });
      return client;
    },
  };
}

/** One client for every workspace (a test's, or a single workspace's). */
export function oneClient(client: webApi.WebClient): WorkspaceClients {
  return { clientFor: async () => client };
}

/**
 * The preview's /slack/install: what installing Tidings in any workspace looks like, as far as it
 * goes without a Slack app. For real, this address sends the browser to Slack's authorize page
 * (../slack/oauth/receiver-options.ts); here there is no app to authorize, so the page says what
 * would happen, which scopes would be asked for (manifest.yml's), and what to set to make it real.
 */
import { html, sendPage } from '../http/html-page.js';
import type { Route } from '../http/route.js';
import { INSTALL_PATH } from '../slack/oauth/install-pages.js';
import { manifestBotScopes } from '../slack/oauth/manifest-scopes.js';

export function previewInstallRoute(scopes: readonly string[] = manifestBotScopes()): Route {
  const items = scopes.map((scope) => html`<li><code>${scope}</code></li>`);
  const body = html`<h1>Add Tidings to Slack</h1>
<p>This is the preview: there is no Slack app behind it, so the install stops here. Once connected, this address starts an install in any workspace:</p>
<ol>
<li>it sends you to Slack’s page, where someone in the workspace approves Tidings with these permissions:<ul>${items}</ul></li>
<li>Slack sends you back to <code>/slack/oauth_redirect</code>; Tidings checks that the link is its own and used once, gets the workspace’s token from Slack and stores it encrypted;</li>
<li>a page says Tidings is installed, and <code>/news</code> works in that workspace.</li>
</ol>
<p>To make it real: create the app from <code>manifest.yml</code> (with your host in <code>redirect_urls</code>), turn Socket Mode off, and set <code>SLACK_CLIENT_ID</code>, <code>SLACK_CLIENT_SECRET</code>, <code>SLACK_SIGNING_SECRET</code>, <code>SLACK_STATE_SECRET</code> and <code>TIDINGS_TOKEN_KEY</code> (README, “Which mode to pick”). Then share <code>https://&lt;your host&gt;${INSTALL_PATH}</code>.</p>
<p><a href="/">Back to the preview</a></p>`;
  return {
    path: INSTALL_PATH,
    method: ['GET'],
    handler: (_req, res) => sendPage(res, 200, 'Add Tidings to Slack (preview)', body),
  };
}

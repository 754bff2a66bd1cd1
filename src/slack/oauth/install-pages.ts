/**
 * The pages an installer sees at the end of an install (Bolt's callbackOptions): Tidings' own,
 * short, saying what happened and what to do next, every value from Slack escaped (../../http/html-page.ts).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Installation } from '@slack/bolt';
import { html, sendPage } from '../../http/html-page.js';
import { INVALID_STATE } from './state-store.js';

export const INSTALL_PATH = '/slack/install';

interface FailureText {
  readonly status: number;
  readonly title: string;
  readonly say: string;
}

/** What went wrong, in words, by the error's code (Bolt's, or a Web API error's). */
export function failureText(error: { readonly code?: string; readonly message?: string; readonly data?: { readonly error?: string } }): FailureText {
  switch (error.code) {
    case 'slack_oauth_installer_authorization_error':
      return { status: 403, title: 'Install cancelled', say: 'Tidings was not installed: the install was cancelled on Slack’s page. You can start again whenever you like.' };
    case 'slack_oauth_missing_code':
      return { status: 400, title: 'Install not finished', say: 'Slack sent you back without an authorization code, so Tidings was not installed. Start again from the install page.' };
    case 'slack_oauth_missing_state':
    case INVALID_STATE: {
      // Bolt's own message for a missing state speaks to developers; ours and its others to people.
      const why = error.code === INVALID_STATE && error.message !== undefined ? error.message : 'it came back without its state';
      return {
        status: 400,
        title: 'Install link not valid',
        say: `Tidings was not installed: this install link is not valid (${why}). Links work once, for ten minutes, in the browser that opened them. Start again from the install page.`,
      };
    }
    case 'slack_webapi_platform_error':
      return {
        status: 502,
        title: 'Slack refused the install',
        say: `Tidings was not installed: Slack refused to complete it (${error.data?.error ?? 'unknown error'}). Start again from the install page; if it happens again, check SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and the app’s redirect URL.`,
      };
    default:
      return { status: 500, title: 'Install failed', say: 'Tidings was not installed: something went wrong on our side (see its log). Start again from the install page.' };
  }
}

export function installSucceeded(installation: Installation, _options: unknown, _req: IncomingMessage, res: ServerResponse): void {
  const team = installation.team;
  const name = team?.name ?? team?.id ?? 'your workspace';
  const open = team?.id !== undefined ? html`<p><a class="button" href="https://app.slack.com/client/${encodeURIComponent(team.id)}">Open Slack</a></p>` : html``;
  sendPage(
    res,
    200,
    'Tidings is installed',
    html`<h1>Tidings is installed in ${name}</h1><p>In any channel, try <code>/news help</code>, or <code>/news</code> with a question. Invite it with <code>/invite @Tidings</code> to get daily digests in a channel.</p>${open}`,
  );
}

export function installFailed(error: Parameters<typeof failureText>[0], _options: unknown, _req: IncomingMessage, res: ServerResponse): void {
  const { status, title, say } = failureText(error);
  sendPage(res, status, title, html`<h1>${title}</h1><p>${say}</p><p><a href="${INSTALL_PATH}">Start the install again</a></p>`);
}

import { describe, expect, it } from 'vitest';
import { escapeHtml, html } from '../../../src/http/html-page.js';
import { failureText } from '../../../src/slack/oauth/install-pages.js';

describe('install pages', () => {
  it.each([
    [{ code: 'slack_oauth_installer_authorization_error' }, 403, /cancelled/],
    [{ code: 'slack_oauth_missing_code' }, 400, /without an authorization code/],
    [{ code: 'slack_oauth_missing_state', message: 'Redirect url is missing the state query parameter. If this is intentional, see options' }, 400, /not valid \(it came back without its state\)/],
    [{ code: 'slack_oauth_invalid_state', message: 'the install link was used already' }, 400, /not valid \(the install link was used already\)[\s\S]*once, for ten minutes/],
    [{ code: 'slack_webapi_platform_error', data: { error: 'invalid_code' } }, 502, /Slack refused to complete it \(invalid_code\)[\s\S]*SLACK_CLIENT_SECRET/],
    [{ code: 'slack_oauth_unknown_error', message: 'database is locked' }, 500, /something went wrong on our side/],
  ])('says what went wrong: %o', (error, status, say) => {
    const text = failureText(error);
    expect(text.status).toBe(status);
    expect(text.say).toMatch(say);
    expect(text.say).toMatch(/not installed/);
  });

  it('never shows an unexpected error’s own message (it may say anything)', () => {
    expect(failureText({ code: 'slack_oauth_unknown_error', message: 'xoxb-secret in a message' }).say).not.toMatch(/xoxb/);
  });

  it('escapes every value put in a page', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&`)).toBe('&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;');
    const name = '<img src=x onerror=alert(1)>';
    expect(html`<p title="${name}">${name}</p>`.text).toBe('<p title="&lt;img src=x onerror=alert(1)&gt;">&lt;img src=x onerror=alert(1)&gt;</p>');
    // Markup made with html is kept as markup when put in another.
    expect(html`<div>${html`<b>${'&'}</b>`}</div>`.text).toBe('<div><b>&amp;</b></div>');
  });
});

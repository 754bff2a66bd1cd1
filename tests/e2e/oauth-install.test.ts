/**
 * Installing Tidings in any workspace ('oauth' mode), over real HTTP into the Bolt app, with the
 * stand-in for Slack playing Slack's authorize page and oauth.v2.access: the install link, the
 * code exchange, the installation stored with its token sealed, requests from each workspace
 * answered with that workspace's token, and every way an install can go wrong.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { manifestBotScopes } from '../../src/slack/oauth/manifest-scopes.js';
import { comeBack, install, installDatabase, startInstall, workspace, type InstallDatabase } from './harness/installs.js';
import { slashCommand } from './harness/payloads.js';
import { OAUTH, startTidings, type Running } from './harness/tidings.js';

describe('installing Tidings in a workspace', () => {
  let db: InstallDatabase;
  let t: Running;
  beforeAll(async () => {
    db = await installDatabase();
    t = await startTidings({ mode: 'oauth', installs: db.store });
  });
  afterAll(async () => {
    await t?.stop();
    await db?.close();
  });
  afterEach(async () => {
    expect(t.slack.problems).toEqual([]);
    t.slack.reset();
    t.slack.oauthApp = { appId: OAUTH.appId, clientId: OAUTH.clientId, clientSecret: OAUTH.clientSecret };
    await db.raw.run('DELETE FROM installations');
  });

  const rows = () => db.raw.query('SELECT * FROM installations ORDER BY team_id');
  const tokenOf = (call: { authorization?: string }) => call.authorization?.replace(/^Bearer /, '');

  it("sends the browser to Slack's authorize page, for this app, with manifest.yml's scopes and a state in a cookie", async () => {
    const { response, authorizeUrl, cookie } = await startInstall(t);
    expect(response.status).toBe(302);
    const url = new URL(authorizeUrl);
    expect(url.origin + url.pathname).toBe('https://slack.com/oauth/v2/authorize');
    expect(url.searchParams.get('client_id')).toBe(OAUTH.clientId);
    expect(url.searchParams.get('scope')!.split(',')).toEqual(manifestBotScopes());
    const state = url.searchParams.get('state');
    expect(state).toMatch(/^[\w-]+\.[\w-]+$/);
    expect(cookie).toBe(`slack-app-oauth-state=${state}`);
    expect(response.headers.get('set-cookie')).toMatch(/HttpOnly/);
    // Each visit gets a state of its own.
    expect((await startInstall(t)).authorizeUrl).not.toBe(authorizeUrl);
  });

  it('exchanges the code, stores the installation with its token sealed, and answers that workspace with its token', async () => {
    const acme = workspace('T0ACME', 'Acme');
    const page = await install(t, acme);
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/Tidings is installed in Acme/);

    const [exchange, ...more] = t.slack.callsTo('oauth.v2.access');
    expect(more).toEqual([]);
    expect(exchange).toMatchObject({ status: 200, params: { client_id: OAUTH.clientId, client_secret: OAUTH.clientSecret, code: expect.stringMatching(/^T0ACME\./) } });
    expect(exchange!.authorization).toBeUndefined();

    const [row, ...others] = await rows();
    expect(others).toEqual([]);
    expect(row).toMatchObject({ team_id: 'T0ACME', team_name: 'Acme', bot_user_id: 'UT0ACMEBOT', bot_id: 'BT0ACME', installer_user_id: 'U0INSTALLER', app_id: OAUTH.appId });
    expect(String(row!.scopes).split(',')).toEqual(manifestBotScopes());
    // The token is nowhere in the row, in clear.
    expect(JSON.stringify(row)).not.toContain(acme.botToken);
    expect(JSON.stringify(row)).not.toContain('secret-bot-token');
    expect(String(row!.bot_token)).toMatch(/^v1\./);
    // Nor in the log.
    expect(t.rawLog.join('')).not.toContain(acme.botToken);

    await t.send(slashCommand('Taiwan', t.slack.responseUrl(), { team_id: 'T0ACME', user_id: 'U0ACMEPERSON' }));
    const { body } = await t.slack.waitForReply();
    expect(JSON.stringify(body.blocks)).toMatch(/Taiwan/);
    const lookup = t.slack.callsTo('users.info').find((call) => call.params.user === 'U0ACMEPERSON');
    expect(tokenOf(lookup!)).toBe(acme.botToken);
  });

  it("answers each workspace with its own token", async () => {
    const one = workspace('T0ONE');
    const two = workspace('T0TWO');
    expect((await install(t, one)).status).toBe(200);
    expect((await install(t, two)).status).toBe(200);
    expect((await rows()).map((row) => row.team_id)).toEqual(['T0ONE', 'T0TWO']);

    await t.send(slashCommand('Taiwan', t.slack.responseUrl('one'), { team_id: 'T0ONE', user_id: 'U0ONEPERSON' }));
    await t.send(slashCommand('Taiwan', t.slack.responseUrl('two'), { team_id: 'T0TWO', user_id: 'U0TWOPERSON' }));
    await t.slack.waitForReply(1);
    const tokenFor = (user: string) => tokenOf(t.slack.callsTo('users.info').find((call) => call.params.user === user)!);
    expect(tokenFor('U0ONEPERSON')).toBe(one.botToken);
    expect(tokenFor('U0TWOPERSON')).toBe(two.botToken);
  });

  it('does not answer a workspace that has not installed Tidings', async () => {
    await t.send(slashCommand('Taiwan', t.slack.responseUrl(), { team_id: 'T0STRANGER', user_id: 'U0STRANGER' }));
    await t.slack.waitFor(() => t.logs.find((line) => /Tidings is not installed there/.test(JSON.stringify(line))), 'the refusal in the log');
    expect(t.slack.replies).toEqual([]);
    expect(t.slack.callsTo('users.info')).toEqual([]);
  });

  it('installs again in place: a new token replaces the old one, one row still', async () => {
    expect((await install(t, workspace('T0AGAIN'))).status).toBe(200);
    const [first] = await rows();
    const renewed = { ...workspace('T0AGAIN', 'Again, renamed'), botToken: 'xoxb-T0AGAIN-second-token' };
    expect((await install(t, renewed)).status).toBe(200);
    const [again, ...others] = await rows();
    expect(others).toEqual([]);
    expect(again).toMatchObject({ team_name: 'Again, renamed', installed_at: first!.installed_at });
    expect(again!.bot_token).not.toBe(first!.bot_token);
    await t.send(slashCommand('Taiwan', t.slack.responseUrl(), { team_id: 'T0AGAIN', user_id: 'U0AGAINPERSON' }));
    await t.slack.waitForReply();
    expect(tokenOf(t.slack.callsTo('users.info').find((call) => call.params.user === 'U0AGAINPERSON')!)).toBe('xoxb-T0AGAIN-second-token');
  });

  it('refuses a state this Tidings did not make: a failure page, no exchange, nothing stored', async () => {
    const { authorizeUrl } = await startInstall(t);
    const { code, state } = t.slack.approve(authorizeUrl, workspace('T0FORGED'));
    const [body] = state.split('.');
    const forged = `${body}.${'A'.repeat(43)}`;
    const page = await comeBack(t, { code, state: forged }, `slack-app-oauth-state=${forged}`);
    expect(page.status).toBe(400);
    expect(await page.text()).toMatch(/Install link not valid[\s\S]*not made by this Tidings[\s\S]*Start the install again/);
    // Nor a state that is not the one this browser was given.
    const other = await comeBack(t, { code, state }, 'slack-app-oauth-state=another');
    expect(other.status).toBe(400);
    expect(t.slack.callsTo('oauth.v2.access')).toEqual([]);
    expect(await rows()).toEqual([]);
  });

  it('takes a state once: the same link used again is refused', async () => {
    const { authorizeUrl, cookie } = await startInstall(t);
    const { code, state } = t.slack.approve(authorizeUrl, workspace('T0ONCE'));
    expect((await comeBack(t, { code, state }, cookie)).status).toBe(200);
    // A second code for the same state (the page replayed): refused before Slack is asked.
    const second = t.slack.approve(authorizeUrl, workspace('T0TWICE'));
    const again = await comeBack(t, { code: second.code, state }, cookie);
    expect(again.status).toBe(400);
    expect(await again.text()).toMatch(/used already/);
    expect(t.slack.callsTo('oauth.v2.access')).toHaveLength(1);
    expect((await rows()).map((row) => row.team_id)).toEqual(['T0ONCE']);
  });

  it('says so when the install was cancelled, or came back without a code', async () => {
    const { authorizeUrl, cookie } = await startInstall(t);
    const state = new URL(authorizeUrl).searchParams.get('state')!;
    const cancelled = await comeBack(t, { error: 'access_denied', state }, cookie);
    expect(cancelled.status).toBe(403);
    expect(await cancelled.text()).toMatch(/Install cancelled[\s\S]*was not installed/);
    const noCode = await comeBack(t, { state }, cookie);
    expect(noCode.status).toBe(400);
    expect(await noCode.text()).toMatch(/without an authorization code/);
    expect(t.slack.callsTo('oauth.v2.access')).toEqual([]);
    expect(await rows()).toEqual([]);
  });

  it('says Slack refused when the code exchange fails (wrong client secret), and stores nothing', async () => {
    t.slack.oauthApp = { appId: OAUTH.appId, clientId: OAUTH.clientId, clientSecret: 'ffffffffffffffffffffffffffffffff' };
    const page = await install(t, workspace('T0REFUSED'));
    expect(page.status).toBe(502);
    expect(await page.text()).toMatch(/Slack refused[\s\S]*bad_client_secret/);
    expect(t.slack.callsTo('oauth.v2.access')[0]!.params.client_secret).toBe(OAUTH.clientSecret);
    expect(await rows()).toEqual([]);
  });

  it("escapes what Slack says about the workspace on its pages", async () => {
    const page = await install(t, workspace('T0HTML', '<script>alert("x")</script> & co'));
    const text = await page.text();
    expect(text).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co');
    expect(text).not.toContain('<script>');
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
  });
});

describe('installing Tidings, with a redirect URL of its own and the request guard', () => {
  const REDIRECT = 'https://tidings.example.com/slack/oauth_redirect';
  let db: InstallDatabase;
  let t: Running;
  beforeAll(async () => {
    db = await installDatabase();
    t = await startTidings({ mode: 'oauth', installs: db.store, env: { SLACK_REDIRECT_URI: REDIRECT } });
  });
  afterAll(async () => {
    await t?.stop();
    await db?.close();
  });

  it('names SLACK_REDIRECT_URI to Slack in the link and in the exchange, as Slack requires', async () => {
    const { authorizeUrl, cookie } = await startInstall(t);
    expect(new URL(authorizeUrl).searchParams.get('redirect_uri')).toBe(REDIRECT);
    const { code, state } = t.slack.approve(authorizeUrl, workspace('T0REDIRECT'));
    expect((await comeBack(t, { code, state }, cookie)).status).toBe(200);
    expect(t.slack.callsTo('oauth.v2.access')[0]!.params.redirect_uri).toBe(REDIRECT);
    expect(t.slack.problems).toEqual([]);
  });

  it('still guards /slack/events: a stale timestamp is refused, a replayed request answered once', async () => {
    const team = workspace('T0GUARD');
    expect((await install(t, team)).status).toBe(200);
    const request = slashCommand('Taiwan', t.slack.responseUrl(), { team_id: 'T0GUARD' });
    expect((await t.send(request, { timestamp: Math.floor(Date.now() / 1000) + 6 * 60 })).status).toBe(401);
    const timestamp = Math.floor(Date.now() / 1000);
    expect((await t.send(request, { timestamp })).status).toBe(200);
    expect((await t.send(request, { timestamp })).status).toBe(200);
    await t.slack.waitForReply();
    await t.slack.waitFor(() => t.logs.find((line) => line.msg === 'request'), 'the request log line');
    expect(t.slack.replies).toHaveLength(1);
  });
});

describe('installing Tidings, logged at debug level', () => {
  let db: InstallDatabase;
  let t: Running;
  beforeAll(async () => {
    db = await installDatabase();
    t = await startTidings({ mode: 'oauth', installs: db.store, logLevel: 'debug' });
  });
  afterAll(async () => {
    await t?.stop();
    await db?.close();
  });

  it('logs the install, and neither the token it got nor the app’s secrets', async () => {
    const team = workspace('T0DEBUG');
    expect((await install(t, team)).status).toBe(200);
    await t.send(slashCommand('Taiwan', t.slack.responseUrl(), { team_id: 'T0DEBUG' }));
    await t.slack.waitForReply();
    const log = t.rawLog.join('');
    // The Web API client did log the exchange (so this looks where a secret would be)…
    expect(log).toMatch(/apiCall\('oauth\.v2\.access'\) start/);
    expect(log).toMatch(/http request body/);
    // … and nothing secret is in it.
    for (const secret of [team.botToken, 'secret-bot-token', OAUTH.clientSecret, OAUTH.stateSecret, OAUTH.tokenKey]) expect(log).not.toContain(secret);
  });
});

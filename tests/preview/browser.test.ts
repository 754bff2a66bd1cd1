/**
 * The preview in a real browser (Debian's Chromium, driven by playwright-core): a person types a
 * question, reads a story and its outlets, opens the full brief, pages on, asks in a thread and a
 * direct message, opens App Home, and never sees data turn into markup. Screenshots go to
 * test-output/. Without Chromium the test is skipped, saying so, unless TIDINGS_REQUIRE_BROWSER=1
 * (as .ci/run sets it, after installing Chromium), where a missing browser fails the run.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOW } from '../e2e/harness/tidings.js';
import { startPreview, type RunningPreview } from './harness.js';

const CHROMIUM = process.env.TIDINGS_CHROMIUM ?? '/usr/bin/chromium';
const REQUIRED = process.env.TIDINGS_REQUIRE_BROWSER === '1';
/** The flags this closed network needs: no sandbox as root, and no calls home. */
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const OUTPUT = 'test-output';

const available = existsSync(CHROMIUM);
if (!available && !REQUIRED) console.warn(`browser tests skipped: no Chromium at ${CHROMIUM} (apt-get install chromium, or set TIDINGS_CHROMIUM)`);

/** A summary whose text and outlet hold Slack's specials and HTML: they must show literally. */
const ESCAPE_SUMMARY = {
  id: 'preview-escape',
  title: 'Harbour drill notice <!channel>',
  text: 'Harbour officials addressed <!channel> & <@U0TIDINGS> in a notice about the harbour drill, signed <b>The Board</b>.',
  source: 'Test Wire <i>',
  published: '2024-01-10T09:00:00Z',
};

// A question with more than one page of stories (three a page), whatever the grouping makes of the seeds.
const QUESTION = 'military talks';

describe.skipIf(!available && !REQUIRED)('the preview page in Chromium', () => {
  let dataDir: string;
  let t: RunningPreview;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'tidings-preview-'));
    for (const file of readdirSync('data').filter((f) => /\.(jsonl|txt)$/.test(f))) copyFileSync(join('data', file), join(dataDir, file));
    writeFileSync(join(dataDir, 'escape.jsonl'), `${JSON.stringify(ESCAPE_SUMMARY)}\n`);
    t = await startPreview({ dataDir, clock: () => NOW });
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
    page = await browser.newPage({ viewport: { width: 1440, height: 960 }, timezoneId: 'Europe/Berlin', locale: 'en-GB' });
    // Well inside the test's own time limit, so that a wait that fails says what it waited for.
    page.setDefaultTimeout(10_000);
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(message.text());
    });
    await page.goto(t.url);
    await page.locator('body[data-ready=true]').waitFor();
    mkdirSync(OUTPUT, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await t?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  async function type(text: string, input = '#input') {
    await page.locator(input).fill(text);
    await page.locator(input).press('Enter');
  }

  /** The latest answer only you see in #news. */
  const latestEphemeral = () => page.locator('#messages .message.ephemeral').last();

  it('answers a question with stories and their outlets, and opens the full brief with its sources', async () => {
    const expected = t.engine.ask(QUESTION, { now: NOW, limit: 3 });
    expect(expected.totalStories).toBeGreaterThan(3);
    const top = expected.stories[0]!;

    await type(`/news ${QUESTION}`);
    const answer = latestEphemeral();
    await expect.poll(() => answer.textContent()).toContain(`Stories for “${QUESTION}” · 1–3 of ${expected.totalStories}`);
    await expect.poll(() => answer.locator('.only-you').textContent()).toContain('Only visible to you');
    const firstMeta = await answer.locator('.block.context').nth(1).textContent();
    for (const outlet of top.brief.outlets) expect(firstMeta).toContain(outlet);
    expect(firstMeta).toContain('Insights from');

    await answer.getByRole('button', { name: 'Full brief' }).first().click();
    await expect.poll(() => answer.locator('.block.header').first().textContent()).toBe(top.brief.headline);
    const brief = (await answer.textContent()) ?? '';
    expect(brief).toContain('The News');
    expect(brief).toMatch(/Sources?: /);
    for (const outlet of top.brief.outlets) expect(brief).toContain(outlet);
    // The provisional engine writes no Signals; the real one does, for stories several outlets cover.
    if (top.brief.signals.length > 0) {
      expect(brief).toContain('Signals');
      for (const signal of top.brief.signals) expect(brief).toContain(signal.headline);
    }
    await expect.poll(() => page.locator('#messages .message.ephemeral').count()).toBe(1);
    await page.screenshot({ path: join(OUTPUT, 'preview-brief.png') });

    await answer.getByRole('button', { name: 'Back to stories' }).click();
    await expect.poll(() => answer.textContent()).toContain('· 1–3 of');
    await answer.getByRole('button', { name: 'More stories' }).click();
    const last = Math.min(6, expected.totalStories);
    await expect.poll(() => answer.textContent()).toContain(`· ${last === 4 ? '4' : `4–${last}`} of ${expected.totalStories}`);
  });

  it('shares a story in the channel for everyone', async () => {
    await latestEphemeral().getByRole('button', { name: 'Share in channel' }).first().click();
    const shared = page.locator('#messages .message:not(.ephemeral)').filter({ hasText: 'Shared by' }).last();
    await expect.poll(() => shared.textContent()).toContain('Shared by @you with /news');
    expect(await shared.locator('.mention').first().textContent()).toBe('@you');
  });

  it('shows data literally: no ping, no markup', async () => {
    await type('/news harbour drill notice');
    const answer = latestEphemeral();
    await expect.poll(() => answer.textContent()).toContain('Harbour officials addressed <!channel> & <@U0TIDINGS>');
    await answer.getByRole('button', { name: 'Full brief' }).first().click();
    await expect.poll(() => answer.locator('.block.header').first().textContent()).toBe('Harbour drill notice <!channel>');
    const text = (await answer.textContent()) ?? '';
    expect(text).toContain('signed <b>The Board</b>.');
    expect(text).toContain('Test Wire <i>');
    expect(await answer.locator('.mention').count()).toBe(0);
    expect(await page.locator('#messages b, #messages i, #messages script').count()).toBe(0);
  });

  it('answers a mention in a thread that opens beside the channel', async () => {
    await page.getByRole('button', { name: '@Tidings what’s new on Iraq?' }).click();
    const thread = page.locator('#thread');
    await thread.locator('.message').nth(1).waitFor();
    expect(await thread.locator('.message').first().textContent()).toContain('@Tidings what’s new on Iraq?');
    await expect.poll(() => thread.locator('.message').nth(1).textContent()).toMatch(/Stories for “what’s new on Iraq\?”[\s\S]*Iraq/);
    await expect.poll(() => page.locator('.replies-link').last().textContent()).toBe('1 reply');
    await page.screenshot({ path: join(OUTPUT, 'preview-channel.png') });
  });

  it('previews a digest from the channel header', async () => {
    const before = await page.locator('#messages .message').count();
    await page.getByRole('button', { name: 'Preview digest' }).click();
    await expect.poll(() => page.locator('#messages .message').count()).toBeGreaterThan(before);
    const digest = page.locator('#messages .message').last();
    expect(await digest.locator('.name').textContent()).toBe('Tidings');
    // What `/news digest now` would post, shown to the asker only.
    await expect.poll(() => digest.textContent()).toMatch(/Only visible to you[\s\S]*Preview only you see/);
  });

  it('opens App Home, and answers a direct message', async () => {
    await page.locator('[data-view=app]').click();
    await expect.poll(() => page.locator('#home .block.header').allTextContents()).toEqual(expect.arrayContaining(['Tidings']));
    expect(await page.locator('#home').textContent()).toMatch(/[Tt]op stories[\s\S]*Insights from/);
    expect(t.preview.workspace.timeZone).toBe('Europe/Berlin');
    await page.screenshot({ path: join(OUTPUT, 'preview-home.png') });

    await page.getByRole('button', { name: 'Messages' }).click();
    await type('refugees');
    const reply = page.locator('#messages .message').filter({ hasText: 'Stories for “refugees”' });
    await reply.waitFor();
    expect(await reply.getByRole('button', { name: 'Share in channel' }).count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });
});

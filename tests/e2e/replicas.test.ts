/**
 * Two replicas on one PostgreSQL (DESIGN.md "State"): a summary ingested on one is answerable on
 * the other within two seconds (LISTEN/NOTIFY, and a poll behind it), and both group the same
 * summaries into the same stories, with the same ids. Runs where TIDINGS_TEST_DATABASE_URL is
 * set (.ci/postgres-start.sh); skips, saying so, elsewhere, and fails with TIDINGS_REQUIRE_POSTGRES=1.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOW } from './harness/tidings.js';
import { startLive, type LiveRunning } from './harness/live.js';

const url = process.env.TIDINGS_TEST_DATABASE_URL;
const required = process.env.TIDINGS_REQUIRE_POSTGRES === '1';
const HOUR = 3_600_000;

const describeWithPostgres = url !== undefined || required ? describe : describe.skip;
if (url === undefined && !required) console.warn('replicas: TIDINGS_TEST_DATABASE_URL is not set, so the two-replica tests are skipped');

describeWithPostgres('two replicas on one PostgreSQL', () => {
  const database = `tidings_replicas_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  let admin: pg.Client;
  let a: LiveRunning;
  let b: LiveRunning;

  beforeAll(async () => {
    if (url === undefined) throw new Error('TIDINGS_REQUIRE_POSTGRES=1 but TIDINGS_TEST_DATABASE_URL is not set');
    admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${database}`);
    const shared = new URL(url);
    shared.pathname = `/${database}`;
    const env = { DATABASE_URL: shared.toString() };
    a = await startLive({ env });
    b = await startLive({ env });
  }, 60_000);

  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    await admin?.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin?.end();
  });

  it('answers on one what was ingested on the other, within two seconds, both ways', async () => {
    const res = await a.ingest({ id: 'rep-1', title: 'Lighthouse keeper rescues kayakers off Skye', text: 'A lighthouse keeper rescued three kayakers off the Isle of Skye on Wednesday, the coastguard said.', source: 'Highland News', published: new Date(NOW - 2 * HOUR).toISOString() });
    expect(res.status).toBe(200);
    await expect.poll(() => b.news.engine.ask('Skye kayakers lighthouse', { now: NOW }).totalSummaries, { timeout: 2000, interval: 50 }).toBe(1);

    await b.ingest({ id: 'rep-2', title: 'Bridge tolls scrapped on the Humber', text: 'Tolls on the Humber Bridge will be scrapped from April, the transport minister said on Wednesday.', source: 'Yorkshire Post', published: new Date(NOW - HOUR).toISOString() });
    await expect.poll(() => a.news.engine.ask('Humber bridge tolls', { now: NOW }).totalSummaries, { timeout: 2000, interval: 50 }).toBe(1);
  });

  it('groups the same summaries into the same stories, with the same ids, on both', async () => {
    const told = [
      { id: 'rep-3', title: 'Wildfire forces evacuations near Marseille', text: 'A wildfire forced the evacuation of 2,000 people near Marseille on Wednesday, firefighters said.', source: 'Provence Matin' },
      { id: 'rep-4', title: 'Marseille wildfire: 2,000 evacuated as flames spread', text: 'Flames spread through pine forests near Marseille, forcing 2,000 residents to leave, officials said on Wednesday.', source: 'Riviera Wire' },
      { id: 'rep-5', title: 'Chess prodigy, 12, wins the Norwegian championship', text: 'A 12-year-old chess prodigy from Bergen won the Norwegian chess championship in Oslo, the federation said.', source: 'Nordic Sport' },
      { id: 'rep-6', title: 'Bergen schoolboy, 12, crowned Norway chess champion', text: 'The Norwegian chess federation crowned a 12-year-old schoolboy from Bergen as national champion after the final round in Oslo.', source: 'Oslo Times' },
    ];
    // Alternately on each replica, as a load balancer would send them.
    for (const [i, summary] of told.entries()) {
      const replica = i % 2 === 0 ? a : b;
      expect((await replica.ingest({ ...summary, published: new Date(NOW - (10 - i) * 60_000).toISOString() })).status).toBe(200);
    }
    const ids = told.map((s) => s.id);
    const storiesOn = (r: LiveRunning) => ids.map((id) => r.news.engine.story(id)?.story.id);
    await expect.poll(() => storiesOn(a).every((id) => id !== undefined) && storiesOn(b).every((id) => id !== undefined), { timeout: 2000, interval: 50 }).toBe(true);
    expect(storiesOn(b)).toEqual(storiesOn(a));
    // And the grouping is real: the two wildfire reports are one story, the chess title another.
    const [fire1, fire2, chess1, chess2] = storiesOn(a);
    expect(fire1).toBe(fire2);
    expect(chess1).toBe(chess2);
    expect(fire1).not.toBe(chess1);
  });
});

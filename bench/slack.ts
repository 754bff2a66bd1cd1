/**
 * /news over Slack's HTTP transport, end to end on loopback: the real Bolt app over data/ (as
 * `npm start` builds it), its Web API pointed at the tests' stand-in for Slack. For each of 200
 * realistic questions, signed as Slack signs them and sent one at a time: the time until Slack
 * would get its acknowledgement (the HTTP response, which Slack wants within 3 s), and until the
 * answer reaches the response_url.
 */
import { loadCorpus } from '../src/corpus/load.js';
import { slashCommand } from '../tests/e2e/harness/payloads.js';
import { NOW, startTidings } from '../tests/e2e/harness/tidings.js';
import { formatMs, percentile } from './lib/measure.js';
import { benchQuestions } from './lib/questions.js';
import { seededRandom } from './lib/random.js';
import type { Scenario } from './scenario.js';

const QUESTIONS = 200;

export const slackScenario: Scenario = {
  name: 'slack',
  description: `${QUESTIONS} /news commands over signed HTTP to the real Bolt app on loopback: time to acknowledge, time to answer`,
  async run() {
    const { summaries } = await loadCorpus('data');
    const questions = benchQuestions(summaries, QUESTIONS, seededRandom(4), NOW);
    const t = await startTidings();
    try {
      const ask = async (text: string) => {
        t.slack.reset();
        const started = performance.now();
        const response = await t.send(slashCommand(text, t.slack.responseUrl()));
        const ack = performance.now() - started;
        if (response.status !== 200) throw new Error(`/news ${text}: HTTP ${response.status}`);
        await t.slack.waitForReply();
        return { ack, answer: performance.now() - started };
      };
      for (const question of questions.slice(0, 20)) await ask(question.text); // warm up
      const times = [];
      for (const question of questions) times.push(await ask(question.text));
      const acks = times.map((x) => x.ack);
      const answers = times.map((x) => x.answer);
      console.log(`${summaries.length} summaries in data/; ${QUESTIONS} questions as in the search scenario, one at a time.`);
      console.log(`  acknowledged   p50 ${formatMs(percentile(acks, 50))}  p99 ${formatMs(percentile(acks, 99))}  max ${formatMs(Math.max(...acks))}   (Slack's limit: 3 s)`);
      console.log(`  answered       p50 ${formatMs(percentile(answers, 50))}  p99 ${formatMs(percentile(answers, 99))}  max ${formatMs(Math.max(...answers))}`);
      if (t.slack.problems.length > 0) console.log(`  problems the stand-in saw: ${t.slack.problems.join('; ')}`);
    } finally {
      await t.stop();
    }
  },
};

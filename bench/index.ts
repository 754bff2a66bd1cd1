/**
 * npm run bench [-- <scenario> …]: runs every benchmark scenario, or those named. A scenario is one
 * file in bench/ exporting a Scenario; add it to SCENARIOS to have it run.
 * Timings on a shared 2-core machine are noisy: compare runs made side by side.
 */
import type { Scenario } from './scenario.js';
import { briefScenario } from './brief.js';
import { digestScenario } from './digest.js';
import { groupingScenario } from './grouping.js';
import { ingestScenario } from './ingest.js';
import { scaleScenario } from './scale.js';
import { searchScenario } from './search.js';
import { slackScenario } from './slack.js';
import { summariesScenario } from './summaries.js';

const SCENARIOS: readonly Scenario[] = [searchScenario, groupingScenario, briefScenario, digestScenario, slackScenario, summariesScenario, ingestScenario, scaleScenario];

const args = process.argv.slice(2);
// Words a scenario takes (scale's "soak") are passed to it, not run as scenarios.
const options = new Set(SCENARIOS.flatMap((scenario) => scenario.options ?? []));
const wanted = args.filter((word) => !options.has(word));
const unknown = wanted.filter((name) => !SCENARIOS.some((scenario) => scenario.name === name));
if (unknown.length > 0) {
  console.error(`unknown scenario ${unknown.join(', ')}; there are: ${SCENARIOS.map((s) => s.name).join(', ')}`);
  process.exit(2);
}
for (const scenario of SCENARIOS.filter((s) => wanted.length === 0 || wanted.includes(s.name))) {
  console.log(`\n== ${scenario.name}: ${scenario.description}\n`);
  await scenario.run(args.filter((word) => scenario.options?.includes(word)));
}

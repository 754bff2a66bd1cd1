/** Entry point of `npm run ask -- "<question>"` (see ask-command.ts). */
import { runAsk } from './ask-command.js';

process.exitCode = await runAsk(process.argv.slice(2), {
  env: process.env,
  now: () => Date.now(),
  timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone ?? 'UTC',
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
});

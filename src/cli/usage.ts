/** The help text of `npm run ask`. */

export function askUsage(): string {
  return `Usage: npm run ask -- [--json] [--limit N] "<question>"

Finds the stories in the data folder (TIDINGS_DATA_DIR, default data/) that answer a question, each
with its brief: The News, its Signals and the sources of every summary it holds.

Examples:
  npm run ask -- "US China military talks"
  npm run ask -- "what's the latest on the Pentagon talks?"
  npm run ask -- "from:politico taiwan"
  npm run ask -- "refugees last:7d"
  npm run ask -- '"Shangri-La Dialogue" since:2023-06-01'
  npm run ask -- --json "Crimea bridge recording"

In a question:
  from:<outlet>     only that outlet: a name or its start (from:politico, from:"new york times"),
                    or a short name from data/outlets.conf (from:ft, from:scmp); several = any of them
  since:<date>      published on or after that day (since:2024-01-05, since:yesterday, since:"5 Jan 2024")
  until:<date>      published on or before that day (until:2024-01-31)
  last:<length>     published within that long before now (last:24h, last:7d, last:2w)
  "a phrase"        these words, together and in this order
  time words        today, yesterday, this week, last week, this month, last month, in January 2024,
                    in 2023, 5 January 2024, last 3 days
Question words ("what's the latest on …") are ignored. Names match their variants (US, U.S., America,
Washington …: data/aliases.conf). The last word also matches longer words unless a space ends it.

Options:
  --json       print the whole answer as JSON
  --limit N    show the best N stories (default 5)
  --help       this text
`;
}

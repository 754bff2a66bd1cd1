/** A benchmark scenario: one file in bench/, listed in bench/index.ts. */
export interface Scenario {
  /** Short name, to run it alone: npm run bench -- <name>. */
  readonly name: string;
  /** One line: what it measures. */
  readonly description: string;
  /** Runs the scenario and prints its results to stdout. */
  run(): Promise<void>;
}

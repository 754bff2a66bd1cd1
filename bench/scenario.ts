/** A benchmark scenario: one file in bench/, listed in bench/index.ts. */
export interface Scenario {
  /** Short name, to run it alone: npm run bench -- <name>. */
  readonly name: string;
  /** One line: what it measures. */
  readonly description: string;
  /** Words after its name it takes (npm run bench -- scale soak), besides scenario names. */
  readonly options?: readonly string[];
  /** Runs the scenario and prints its results to stdout; given the words of its options that were asked for. */
  run(words: readonly string[]): Promise<void>;
}

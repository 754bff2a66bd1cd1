/** Reading what Tidings sent: every text in a message or view, and its buttons. */
import { buttonsOf, textsOf } from '../slack/story-fixtures.js';

export { buttonsOf };

export function allText(message: unknown): string {
  return textsOf(message).map((t) => t.text).join('\n');
}

/** The blocks of a Web API call, parsed. */
export function blocksOf(params: Readonly<Record<string, string>>): unknown[] {
  return params.blocks === undefined ? [] : (JSON.parse(params.blocks) as unknown[]);
}

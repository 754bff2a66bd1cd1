/**
 * What a snapshot must match to be used: the engine code that shaped its state and the data it
 * was built from. A snapshot is a copy of the engine's memory, so anything that would make a cold
 * build give other state (the grouping model and its constants, the story window, the index's
 * fields, the tokenizer) must make an old snapshot unusable; and one built from other data folder
 * files is of other news.
 */
import { createHash } from 'node:crypto';
import type { FilePosition } from '../corpus/position.js';
import { FIELD_BOOSTS } from '../search/summary-index.js';
import { MODEL } from '../stories/model.js';
import { GROUPING } from '../stories/tuning.js';
import { indexTerms } from '../text/tokenize.js';

/**
 * The layout of the snapshot and of the state in it: raise it with any change to either (or to
 * what the engine keeps that the hash below does not see). 3: summaries field by field and the
 * index's postings packed (summaries-codec.ts, packed-postings.ts); 4: summaries carry their
 * workspace (Summary.teamId), which an older snapshot cannot say; 5: profiles by the slot of their
 * summary, read lazily from their columns (clusters-codec.ts), and the columns aligned in a part
 * of their own (bytes.ts); 6: the summaries' narrow strings apart from the wide ones; 7: the grouping's postings hold
 * every term, in date order (none dropped as too common: clusters.ts queryMaxWindowDocs).
 */
export const SNAPSHOT_FORMAT = 7;

/**
 * Words that exercise the tokenizer (folding, stemming, numbers, names): a tokenizer that
 * changes how it cuts them changes the index, and so the fingerprint.
 */
const TOKENIZER_PROBE =
  "The U.S. Defense Secretary's talks with China's PLA resumed in Washington on Tuesday; $3.5T in defence spending, " +
  '“never compromise”, refugees crossing Hungary’s border, the 2015 Nepal earthquake, café résumé naïve, COVID-19 vaccines.';

/** The engine code and settings that shape the state (see above), as a short hash. */
export function engineFingerprint(settings: { readonly storyWindowMs: number }): string {
  return sha256Hex(
    JSON.stringify({
      format: SNAPSHOT_FORMAT,
      storyWindowMs: settings.storyWindowMs,
      grouping: GROUPING,
      model: MODEL,
      fields: FIELD_BOOSTS,
      tokenizer: indexTerms(TOKENIZER_PROBE),
    }),
  ).slice(0, 32);
}

/** The data folder as it was read (each file's name, size, modification time and how far it was read), as a short hash. */
export function folderFingerprint(positions: readonly FilePosition[]): string {
  const files = [...positions]
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))
    .map(({ file, size, mtimeMs, offset, lines }) => [file, size, mtimeMs, offset, lines]);
  return sha256Hex(JSON.stringify(files)).slice(0, 32);
}

function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

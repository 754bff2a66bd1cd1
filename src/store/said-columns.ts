/** What a row's message says (src/follow/growth.ts), as follow_posts and story_messages hold it. */
import type { Said } from '../follow/growth.js';
import { jsonStrings, type Row } from './sql.js';

export function saidOfRow(row: Row): Said {
  return { outlets: jsonStrings(row.said_outlets), signals: jsonStrings(row.said_signals) };
}

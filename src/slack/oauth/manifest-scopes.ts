/**
 * The bot scopes an install asks for, read from manifest.yml (oauth_config.scopes.bot), so that
 * the install link and the manifest can never ask for different things. The manifest is plain
 * YAML of Tidings' own; only that one list is read, line by line (no YAML parser at run time:
 * `yaml` is a test dependency). tests/slack/oauth/manifest-scopes.test.ts checks the result
 * against a real YAML parser.
 */
import { readFileSync } from 'node:fs';

export const MANIFEST_FILE = new URL('../../../manifest.yml', import.meta.url);

const indentOf = (line: string) => line.length - line.trimStart().length;

/** The items of the block list at `path` (keys, outermost first) in this YAML text. */
export function yamlList(text: string, path: readonly string[]): string[] {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '' && !line.trimStart().startsWith('#'));
  let depth = 0;
  let indent = -1;
  const items: string[] = [];
  for (const line of lines) {
    const here = indentOf(line);
    if (depth === path.length) {
      if (here <= indent && !line.trimStart().startsWith('- ')) break;
      const item = /^\s*-\s+["']?([^"'#\s]+)["']?\s*(#.*)?$/.exec(line);
      if (item === null) break;
      items.push(item[1]!);
      continue;
    }
    if (here <= indent) return [];
    if (line.trim() === `${path[depth]}:`) {
      depth += 1;
      indent = here;
    }
  }
  return items;
}

export function manifestBotScopes(file: URL | string = MANIFEST_FILE): string[] {
  const scopes = yamlList(readFileSync(file, 'utf8'), ['oauth_config', 'scopes', 'bot']);
  if (scopes.length === 0) throw new Error(`no bot scopes found under oauth_config.scopes.bot in ${String(file)}`);
  return scopes;
}

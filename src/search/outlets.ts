/**
 * What `from:<outlet>` means: the outlets, among those the summaries have, whose name starts with
 * what was typed, or with a name the outlets table gives for it (`from:ft` → Financial Times).
 * Names are compared by outletKey: no case, accents, punctuation or leading "The".
 */
import { outletKey, type OutletTable } from './lexicon.js';

export type OutletResolution = { readonly outlets: readonly string[] } | { readonly reason: string };

export function resolveOutlet(value: string, knownOutlets: readonly string[], table: OutletTable): OutletResolution {
  const key = outletKey(value);
  if (key === '') return { reason: 'from: needs an outlet name, such as from:politico or from:"new york times"' };
  const group = table.byKey.get(key);
  const prefixes = [key, ...(group ?? []).map(outletKey)];
  const outlets = knownOutlets.filter((outlet) => {
    const outletName = knownKey(outlet);
    return prefixes.some((prefix) => outletName.startsWith(prefix));
  });
  if (outlets.length > 0) return { outlets };
  return {
    reason:
      group !== undefined
        ? `no summary is from ${group[0]}`
        : `no summary is from an outlet whose name starts with "${value}"`,
  };
}

/** outletKey of the outlets summaries have, remembered: there are a few thousand at most, and a
 * from: filter compares with every one. */
const knownKeys = new Map<string, string>();

function knownKey(outlet: string): string {
  let key = knownKeys.get(outlet);
  if (key === undefined) knownKeys.set(outlet, (key = outletKey(outlet)));
  return key;
}

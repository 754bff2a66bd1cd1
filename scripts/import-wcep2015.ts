/**
 * Converts the Wikipedia Current Events Portal summaries of September 2015
 * (../shared/eval/wcep2015/items.jsonl) into Tidings' data format, for data/wcep2015.jsonl.
 * The text is Wikipedia's (CC BY-SA: see data/NOTICE); each summary is attributed to the first
 * outlet Wikipedia cites for it, with that outlet's link. Run: npx tsx scripts/import-wcep2015.ts <in> <out>
 */
import { readFileSync, writeFileSync } from 'node:fs';

interface WcepItem {
  id: string;
  text: string;
  published?: string;
  category?: string;
  sources?: Array<{ source?: string; url?: string }>;
}

const [input = '../shared/eval/wcep2015/items.jsonl', output = 'data/wcep2015.jsonl'] = process.argv.slice(2);
const lines = readFileSync(input, 'utf8').split('\n').filter((line) => line.trim() !== '');
const out = lines.map((line) => {
  const item = JSON.parse(line) as WcepItem;
  const cited = item.sources?.find((s) => s.source && s.url) ?? item.sources?.[0];
  return JSON.stringify({
    id: item.id,
    // The export leaves stray " ," where a citation was cut from the sentence.
    text: item.text.replace(/(\s*,)+\s*$/, '').replace(/\s+,/g, ',').trim(),
    ...(cited?.source && { source: cited.source }),
    ...(cited?.url && { url: cited.url }),
    ...(item.published && { published: item.published }),
    tags: item.category ? [item.category.replace(/_/g, ' ')] : [],
  });
});
writeFileSync(output, out.join('\n') + '\n');
console.log(`wrote ${out.length} summaries to ${output}`);

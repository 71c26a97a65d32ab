// `papers tags`: every tag with the number of papers carrying it, the virtual ones included.
import type { Command } from 'commander';
import { effectiveTags, type Snapshot } from '../../core/library.js';
import { VIRTUAL_TAGS } from '../../core/virtual-tags.js';
import { processOutput } from '../output.js';
import { openStore } from '../source.js';
import { formatTagCounts, type TagCount } from '../render/tag-counts.js';
import { sortTags } from '../../core/tags.js';

export type { TagCount };

/** Counts over the snapshot's papers; user tags in the one tag order, then the virtual tags. */
function countTags(snapshot: Snapshot): TagCount[] {
  const counts = new Map<string, number>();
  for (const t of VIRTUAL_TAGS) counts.set(t, 0);
  for (const p of snapshot.papers) {
    for (const t of effectiveTags(p, snapshot.decisions.get(p.id), snapshot.latestDigest)) counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  const virtual = new Set<string>(VIRTUAL_TAGS);
  const user = sortTags([...counts.keys()].filter((t) => !virtual.has(t)));
  return [...user.map((tag) => ({ tag, count: counts.get(tag)!, virtual: false })), ...VIRTUAL_TAGS.map((tag) => ({ tag, count: counts.get(tag) ?? 0, virtual: true }))];
}

export function register(program: Command): void {
  program
    .command('tags')
    .description('list your tags with the number of papers carrying each (and the virtual tags new, seen, untriaged)')
    .option('--json', 'print a JSON array of {tag, count, virtual}')
    .action(async (options: { json?: boolean }, command: Command) => {
      const output = processOutput();
      const counts = countTags((await openStore(command)).snapshot());
      if (options.json) {
        output.out(JSON.stringify(counts, null, 2));
        return;
      }
      output.out(formatTagCounts(counts));
    });
}

// `papers show ID`: everything about one paper: fields, where and when it was seen, tags, note.
import type { Command } from 'commander';
import { effectiveTags, type Decision, type LibraryPaper } from '../../core/library.js';
import { processOutput } from '../output.js';
import { formatShow } from '../render/paper-detail.js';
import { resolvePapers } from '../paper-refs.js';
import { openStore } from '../source.js';
import { tagsOf } from '../../core/tags.js';
import { decisionFields } from '../../core/paper-json.js';

/** The JSON of `papers show --json`: the paper as in `papers list --json`, plus tag and note times. */
function showJson(paper: LibraryPaper, decision: Decision | undefined, latestDigest: string | null): object {
  return {
    ...paper,
    ...decisionFields(decision),
    tagTimes: Object.fromEntries(tagsOf(decision).map((t) => [t, decision!.tags[t]])),
    noteAt: decision?.note?.at || null,
    virtualTags: effectiveTags(paper, decision, latestDigest).filter((t) => !(decision && t in decision.tags)),
  };
}

export function register(program: Command): void {
  program
    .command('show')
    .description('everything about one paper: its fields, where and when it was seen, tags and note')
    .argument('<id>', 'paper id, unique id prefix or row number of the last listing')
    .option('--json', 'print the paper as JSON')
    .action(async (ref: string, options: { json?: boolean }, command: Command) => {
      const output = processOutput();
      const store = await openStore(command);
      const [id] = resolvePapers(store, [ref]);
      const [paper] = store.papersById([id!]);
      if (!paper) throw new Error(`paper ${id} resolved but not found`);
      const decision = store.decisionFor(paper.id);
      const latest = store.latestDigest();
      output.out(options.json ? JSON.stringify(showJson(paper, decision, latest), null, 2) : formatShow(paper, decision, latest, output));
    });
}

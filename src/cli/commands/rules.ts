// `papers rules`: tagging rules (a query of the search language and the tags it adds), applied to
// every import. `rules test FILE` shows what a rules file would tag; `rules apply` tags the whole
// library now; `rules list` shows the rules in force.
import type { Command } from 'commander';
import type { LibraryPaper, Snapshot } from '../../core/library.js';
import { applyRules, groupChanges, type Rule, type TagChange } from '../../core/rank/rules.js';
import type { LibraryStore } from '../../io/library-store.js';
import { readRulesFile } from '../../io/rules-file.js';
import { queryContext } from '../query-search.js';
import { processOutput, type Output } from '../output.js';
import { loadPapers } from '../source.js';
import { defaultRules, queryMatcher } from '../rules-run.js';
import { truncate } from '../render/paper-rows.js';

const HELP = `
A rules file is YAML: a list of rules, each a query of the search language ('papers help query')
and the tags it adds to the papers it matches. The rules in force live in rules.yaml next to the
config file ('papers config path'); every 'papers import' applies them to the papers it adds.

  - query: "quantization | low-bit"
    tags: [quant]
  - {query: 'title:diffusion has:code', tags: [diffusion, code]}

Examples:
  papers rules test my-rules.yaml    what these rules would tag in your library (nothing changes)
  papers rules list                  the rules in force and where they are
  papers rules apply                 tag the whole library by the rules in force`;

interface RulesJsonRule {
  line: number;
  query: string;
  tags: string[];
  matches: Array<{ id: string; title: string; add: string[] }>;
}

function perRule(rules: readonly Rule[], changes: readonly TagChange[], papers: ReadonlyMap<string, LibraryPaper>): RulesJsonRule[] {
  return rules.map((rule, r) => ({
    line: rule.line,
    query: rule.query,
    tags: rule.tags,
    matches: changes
      .filter((c) => c.rules.includes(r))
      .map((c) => ({ id: c.id, title: papers.get(c.id)?.title ?? '', add: rule.tags.filter((t) => c.add.includes(t)) })),
  }));
}

function formatRules(file: string, rules: RulesJsonRule[], output: Output): string[] {
  const { color } = output;
  const lines: string[] = [];
  const titleWidth = Number.isFinite(output.width) ? Math.max(20, output.width - 30) : Number.POSITIVE_INFINITY;
  for (const [i, rule] of rules.entries()) {
    const n = rule.matches.length;
    lines.push(`rule ${i + 1} (${file}:${rule.line}) ${JSON.stringify(rule.query)} ${rule.tags.map((t) => `+${t}`).join(' ')}: ${n === 0 ? 'no papers' : `${n} paper${n === 1 ? '' : 's'}`}`);
    const idWidth = Math.max(0, ...rule.matches.map((m) => m.id.length));
    for (const m of rule.matches) {
      const add = m.add.length > 0 ? color.cyan(m.add.map((t) => `+${t}`).join(' ')) : color.dim('(has the tags)');
      const title = Number.isFinite(titleWidth) ? truncate(m.title, titleWidth) : m.title;
      lines.push(`  ${color.yellow(m.id.padEnd(idWidth))}  ${title}  ${add}`);
    }
  }
  return lines;
}

function evaluate(rules: readonly Rule[], snapshot: Snapshot, store: LibraryStore | undefined) {
  const changes = applyRules(rules, snapshot.papers, snapshot, queryMatcher(snapshot));
  return { changes, byId: new Map(snapshot.papers.map((p) => [p.id, p])) };
}

/** `papers rules test FILE`: what the rules of FILE would tag; changes nothing. */
async function testRules(file: string, options: { json?: boolean }, command: Command): Promise<void> {
  const output = processOutput();
  const { rules: parsed } = readRulesFile(file, false, queryContext(command));
  const { handle, store } = await loadPapers([], {}, command);
  const snapshot = handle.snapshot();
  const { changes, byId } = evaluate(parsed, snapshot, store);
  const report = perRule(parsed, changes, byId);
  if (options.json) {
    output.out(JSON.stringify({ rules: report, changes: changes.filter((c) => c.add.length > 0).map((c) => ({ id: c.id, add: c.add })) }, null, 2));
    return;
  }
  if (parsed.length === 0) {
    output.out(`${file}: no rules`);
    return;
  }
  for (const line of formatRules(file, report, output)) output.out(line);
  const tagged = changes.filter((c) => c.add.length > 0).length;
  output.out(`would tag ${tagged} of ${snapshot.papers.length} papers; nothing was changed`);
}

export function register(program: Command): void {
  const rules = program.command('rules').description('tagging rules: queries that add tags to the papers they match, on every import').addHelpText('after', HELP);

  rules
    .command('test')
    .description('show what the rules of FILE would tag in your library (or the sample digest); changes nothing')
    .argument('<file>', 'a rules file (YAML)')
    .option('--json', 'print the rules with the papers each matches, as JSON')
    .action((file: string, options: { json?: boolean }, command: Command) => testRules(file, options, command));

  rules
    .command('list', { isDefault: true })
    .description('the rules in force (rules.yaml next to the config file) and where they are')
    .option('--json', 'print the rules as JSON')
    .action((options: { json?: boolean }, command: Command) => {
      const output = processOutput();
      const { rules: found, file, exists } = defaultRules(command);
      if (options.json) {
        output.out(JSON.stringify({ file, exists, rules: found.map((r) => ({ line: r.line, query: r.query, tags: r.tags })) }, null, 2));
        return;
      }
      if (!exists) {
        output.out(`no rules file at ${file}; write one there to tag papers on import (see 'papers rules --help')`);
        return;
      }
      output.out(`${file}: ${found.length} rule${found.length === 1 ? '' : 's'}`);
      for (const r of found) output.out(`  line ${r.line}: ${JSON.stringify(r.query)} ${r.tags.map((t) => `+${t}`).join(' ')}`);
    });

  rules
    .command('apply')
    .description('tag the papers of your library that the rules in force match (undo with papers undo)')
    .action(async (_options: unknown, command: Command) => {
      const output = processOutput();
      const { rules: found, file, exists } = defaultRules(command);
      if (!exists) {
        output.err(`papers: no rules file at ${file}; nothing to apply (see 'papers rules --help')`);
        return;
      }
      const { handle, store } = await loadPapers([], {}, command);
      const snapshot = handle.snapshot();
      const { changes } = evaluate(found, snapshot, store);
      const groups = groupChanges(changes);
      if (groups.length === 0 || !store) {
        output.out('rules: no paper gains a tag');
        return;
      }
      // Every rule's tags as one change: one `papers undo` reverts the whole apply.
      const result = await store.edit(groups.map((g) => ({ kind: 'tag', ids: g.ids, add: g.add, remove: [] })));
      for (const part of result.parts) output.out(`rules: ${part.summary}`);
    });
}

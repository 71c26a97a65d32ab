// Tagging rules: each rule a query of the search language and the tags it adds to the papers the
// query matches. Parsed from YAML with every problem located at file:line:column; applied to
// papers as a list of tag changes (the caller makes them). Pure.
import type { Node, Pair, Scalar } from 'yaml';
import type { YamlModule } from '../yaml-codec.js';
import { compileQuery, type CompileOptions, type Query } from '../query/index.js';
import { tagNameProblem } from '../decisions.js';
import type { LibraryPaper, Snapshot } from '../library.js';

export interface Rule {
  /** The query text as written. */
  query: string;
  compiled: Query;
  tags: string[];
  /** 1-based line of the rule in its file (0 when not from a file). */
  line: number;
}

interface RulesError {
  file: string;
  line: number;
  column: number;
  message: string;
}

type ParsedRules = { ok: true; rules: Rule[] } | { ok: false; error: RulesError };

export function formatRulesError(e: RulesError): string {
  return `${e.file}:${e.line}:${e.column}: ${e.message}`;
}

const EXAMPLE = '- {query: "quantization | low-bit", tags: [quant]}';

/**
 * Reads a rules file: a YAML list of `{query, tags}` mappings (an empty file: no rules); queries are
 * compiled with `options` (today's date, the saved searches) as every query is. The first
 * problem found is returned with where it is: bad YAML, a rule that is not a mapping, a missing or
 * unknown key, a tag that cannot be a tag, or a query the search language rejects.
 */
export function parseRules(yaml: YamlModule, text: string, file: string, options: CompileOptions = {}): ParsedRules {
  const { LineCounter, isMap, isScalar, isSeq, parseDocument } = yaml;
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number | undefined) => {
    const pos = lineCounter.linePos(offset ?? 0);
    return { line: pos.line, column: pos.col };
  };
  const error = (offset: number | undefined, message: string): ParsedRules => ({ ok: false, error: { file, ...at(offset), message } });
  const yamlError = doc.errors[0];
  if (yamlError) return error(yamlError.pos[0], `invalid YAML: ${yamlError.message.split('\n')[0]}`);

  const root = doc.contents as Node | null;
  if (root === null || (isScalar(root) && root.value === null)) return { ok: true, rules: [] };
  if (!isSeq(root)) return error(root.range?.[0], `expected a list of rules, each like ${EXAMPLE}`);
  const rules: Rule[] = [];
  for (const [i, item] of (root.items as Array<Node | null>).entries()) {
    const n = i + 1;
    const offset = item?.range?.[0];
    if (!isMap(item)) return error(offset, `rule ${n}: expected a mapping with query and tags, like ${EXAMPLE}`);
    let query: { text: string; node: Scalar } | null = null;
    let tags: string[] | null = null;
    for (const pair of item.items as Pair<Node, Node | null>[]) {
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      const keyOffset = pair.key?.range?.[0];
      const value = pair.value;
      if (key === 'query') {
        if (!isScalar(value) || typeof value.value !== 'string' || value.value.trim() === '') {
          return error(value?.range?.[0] ?? keyOffset, `rule ${n}: query must be a search query such as "quantization | low-bit"`);
        }
        query = { text: value.value, node: value };
      } else if (key === 'tags') {
        const items = isSeq(value) ? (value.items as Array<Node | null>) : [value];
        if (items.length === 0) return error(value?.range?.[0] ?? keyOffset, `rule ${n}: tags is empty; give the tags the rule adds, e.g. [quant]`);
        tags = [];
        for (const tagNode of items) {
          if (!isScalar(tagNode) || typeof tagNode.value !== 'string') {
            return error(tagNode?.range?.[0] ?? keyOffset, `rule ${n}: tags must be tag names, e.g. [quant] or quant`);
          }
          const problem = tagNameProblem(tagNode.value);
          if (problem) return error(tagNode.range?.[0], `rule ${n}: ${problem}`);
          if (!tags.includes(tagNode.value)) tags.push(tagNode.value);
        }
      } else {
        return error(keyOffset, `rule ${n}: unknown key "${key}"; a rule has query and tags`);
      }
    }
    if (query === null) return error(offset, `rule ${n}: no query; add one, e.g. query: "quantization | low-bit"`);
    if (tags === null) return error(offset, `rule ${n}: no tags; add the tags it adds, e.g. tags: [quant]`);
    const compiled = compileQuery(query.text, options);
    if (!compiled.ok) {
      return error(queryOffset(query.node, query.text, compiled.error.offset), `rule ${n}: query "${query.text}": ${compiled.error.message}`);
    }
    rules.push({ query: query.text, compiled: compiled.query, tags, line: at(offset).line });
  }
  return { ok: true, rules };
}

/** Where in the file the query's offending character is: exact for plain and quoted one-line scalars, else the scalar's start. */
function queryOffset(node: Scalar, text: string, offsetInQuery: number): number | undefined {
  const start = node.range?.[0];
  if (start === undefined) return start;
  const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
  const plain = node.type === 'PLAIN';
  if ((!quoted && !plain) || text.includes('\n') || /["'\\]/.test(text.slice(0, offsetInQuery))) return start;
  return start + (quoted ? 1 : 0) + offsetInQuery;
}

/** The tags rules would add to one paper. */
export interface TagChange {
  id: string;
  /** Tags the paper does not have yet, in rule order. */
  add: string[];
  /** Indices (in the rules given) of the rules that matched, those adding nothing new included. */
  rules: number[];
}

/**
 * Which papers match a query, among the given ones: supplied by the search module (matching needs
 * its index for prefixes and typos). Returns the ids that match.
 */
export type QueryMatcher = (query: Query, papers: readonly LibraryPaper[]) => ReadonlySet<string>;

/** The tags the rules would add to the given papers (those already present are not repeated). In paper order. */
export function applyRules(rules: readonly Rule[], papers: readonly LibraryPaper[], snapshot: Snapshot, match: QueryMatcher): TagChange[] {
  const byId = new Map<string, TagChange>();
  for (const [r, rule] of rules.entries()) {
    const hits = match(rule.compiled, papers);
    for (const paper of papers) {
      if (!hits.has(paper.id)) continue;
      const change = byId.get(paper.id) ?? { id: paper.id, add: [], rules: [] };
      byId.set(paper.id, change);
      change.rules.push(r);
      const has = snapshot.decisions.get(paper.id)?.tags ?? {};
      for (const t of rule.tags) if (!(t in has) && !change.add.includes(t)) change.add.push(t);
    }
  }
  return papers.flatMap((p) => byId.get(p.id) ?? []);
}

/** Tag changes grouped so that each group is one `tag(ids, add)` call: same tags added, in first-seen order. */
export function groupChanges(changes: readonly TagChange[]): Array<{ ids: string[]; add: string[] }> {
  const groups = new Map<string, { ids: string[]; add: string[] }>();
  for (const c of changes) {
    if (c.add.length === 0) continue;
    const key = c.add.join('\u0000');
    const group = groups.get(key) ?? { ids: [], add: c.add };
    groups.set(key, group);
    group.ids.push(c.id);
  }
  return [...groups.values()];
}

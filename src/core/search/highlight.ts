// Where a hit matched: ranges in its title and abstract (for highlighting and --json), and a
// snippet of the abstract around the best cluster of matches. Computed for shown hits only.
import type { LibraryPaper } from '../library.js';
import type { Paper } from '../model.js';
import type { QueryPlan, TextPlan } from './engine.js';
import { paperHash } from './engine.js';
import { forEachWord, forEachWordSpan } from './tokenize.js';

/** [start, end) in UTF-16 code units of the text it refers to. */
export type MatchRange = [number, number];

export interface Snippet {
  /** A slice of the abstract, cut at word boundaries; no ellipses added. */
  text: string;
  /** Where `text` starts and ends in the abstract: `start > 0` / `end < abstract.length` call for "…". */
  start: number;
  end: number;
  /** Matches within `text` (relative to it). */
  matches: MatchRange[];
}

export interface MatchDetails {
  title: MatchRange[];
  abstract: MatchRange[];
  snippet: Snippet;
}

export const SNIPPET_CHARS = 180;

/** The positive word/phrase plans of the query: what a hit can have matched. */
function positivePlans(plan: QueryPlan): Array<{ text: TextPlan; group: number }> {
  const out: Array<{ text: TextPlan; group: number }> = [];
  plan.scoring.forEach((g, i) => g.forEach((text) => out.push({ text, group: i })));
  plan.filters.forEach((g, i) =>
    g.forEach((cp) => {
      if (cp.text && !cp.clause.negated) out.push({ text: cp.text, group: plan.scoring.length + i });
    }),
  );
  return out;
}

export function matchDetails(plan: QueryPlan, paper: Paper | LibraryPaper, snippetChars = SNIPPET_CHARS): MatchDetails {
  const plans = positivePlans(plan);
  const indexed = plans.length > 0 ? indexedWords(plan, paper) : null;
  const title = matchesIn(plan, plans, paper.title, 'title', indexed?.title ?? null);
  const abstract = matchesIn(plan, plans, paper.abstract, 'abstract', indexed?.abstract ?? null);
  return { title: title.map((m) => m.range), abstract: abstract.map((m) => m.range), snippet: snippetOf(paper.abstract, abstract, snippetChars) };
}

interface Found {
  range: MatchRange;
  group: number;
}

function matchesIn(plan: QueryPlan, plans: ReadonlyArray<{ text: TextPlan; group: number }>, text: string, where: 'title' | 'abstract', indexed: Uint32Array | null): Found[] {
  if (plans.length === 0 || text === '') return [];
  const spans: number[] = [];
  forEachWordSpan(text, (start, end) => spans.push(start, end));
  const count = spans.length / 2;
  // The index holds the paper's words as term ids already; re-read them only when it does not.
  let ids: ArrayLike<number>;
  if (indexed && indexed.length === count) ids = indexed;
  else {
    const termIds = plan.index.termIds;
    const fresh: number[] = [];
    forEachWord(text, (w) => fresh.push(termIds.get(w) ?? -1));
    ids = fresh;
  }
  const hit = new Int32Array(count).fill(-1);
  for (const { text: p, group } of plans) {
    if (p.field !== 'any' && p.field !== where) continue;
    if (p.kind === 'word') {
      for (let i = 0; i < count; i++) if (hit[i] === -1 && p.quality.has(ids[i]!)) hit[i] = group;
    } else if (p.termIds) {
      const seq = p.termIds;
      outer: for (let i = 0; i + seq.length <= count; i++) {
        for (let j = 0; j < seq.length; j++) if (ids[i + j] !== seq[j]) continue outer;
        for (let j = 0; j < seq.length; j++) hit[i + j] = group;
      }
    }
  }
  // Adjacent matched words of a phrase merge into one range.
  const found: Found[] = [];
  for (let i = 0; i < count; i++) {
    const group = hit[i]!;
    if (group < 0) continue;
    const start = spans[2 * i]!;
    const end = spans[2 * i + 1]!;
    const last = found[found.length - 1];
    if (last && i > 0 && hit[i - 1] === group && start - last.range[1] <= 1 && partOfPhrase(plans, group)) last.range = [last.range[0], end];
    else found.push({ range: [start, end], group });
  }
  return found;
}

/** The paper's title and abstract words as the index holds them, when its indexed text is current. */
function indexedWords(plan: QueryPlan, paper: Paper | LibraryPaper): { title: Uint32Array; abstract: Uint32Array } | null {
  const { index } = plan;
  const d = index.docById.get(paper.id);
  if (d === undefined || index.hashes[d] !== paperHash(paper)) return null;
  const start = index.docStart[d]!;
  const titleEnd = start + index.titleLen[d]!;
  return { title: index.tokens.subarray(start, titleEnd), abstract: index.tokens.subarray(titleEnd, titleEnd + index.abstractLen[d]!) };
}

function partOfPhrase(plans: ReadonlyArray<{ text: TextPlan; group: number }>, group: number): boolean {
  return plans.some((p) => p.group === group && p.text.kind === 'phrase');
}

/** The window of `size` characters holding the most distinct query groups (then the most matches). */
function snippetOf(abstract: string, found: readonly Found[], size: number): Snippet {
  if (abstract.length <= size) return { text: abstract, start: 0, end: abstract.length, matches: found.map((f) => f.range) };
  let bestStart = 0;
  let bestKey = -1;
  for (let i = 0; i < found.length; i++) {
    const from = found[i]!.range[0];
    const groups = new Set<number>();
    let n = 0;
    for (let j = i; j < found.length && found[j]!.range[1] <= from + size; j++) {
      groups.add(found[j]!.group);
      n++;
    }
    const key = groups.size * 1000 + n;
    if (key > bestKey) {
      bestKey = key;
      bestStart = from;
    }
  }
  // Some context before the first match, then cut at word boundaries.
  let start = found.length > 0 ? Math.max(0, bestStart - Math.floor(size / 4)) : 0;
  let end = Math.min(abstract.length, start + size);
  if (end === abstract.length) start = Math.max(0, end - size);
  if (start > 0) {
    const space = abstract.indexOf(' ', start);
    if (space >= 0 && space < bestStart) start = space + 1;
  }
  if (end < abstract.length) {
    const space = abstract.lastIndexOf(' ', end);
    if (space > start) end = space;
  }
  const text = abstract.slice(start, end);
  const matches = found.filter((f) => f.range[0] >= start && f.range[1] <= end).map((f): MatchRange => [f.range[0] - start, f.range[1] - start]);
  return { text, start, end, matches };
}

// Ids survive parser changes. When a digest is read again by a parser that reads a title
// differently, the title-hash id it computes differs from the one the user saw (and tagged). Each
// digest's record keeps the id each of its papers was merged under at import; a re-read paper that is the
// same paper keeps that id, and its new id becomes an alias. Pure; linear in the digest's papers.
import { normaliseTitle } from './ids.js';
import type { Paper } from './model.js';

/** The id one paper of a digest was given, with what identifies it in that digest. */
export interface RecordedId {
  /** Position among the digest's papers (0-based). */
  position: number;
  line: number;
  id: string;
  arxivId: string | null;
  title: string;
}

interface KeptIds {
  papers: Paper[];
  /** [id kept, id the parser gave]: the second is to become an alias of the paper. */
  renamed: Array<[string, string]>;
}

/** Two titles are the same paper's when at least half their words are shared (by the larger set). */
const SIMILAR = 0.5;

function words(title: string): Set<string> {
  return new Set(normaliseTitle(title).split(' ').filter((w) => w !== ''));
}

function titleSimilarity(a: string, b: string): number {
  const x = words(a);
  const y = words(b);
  if (x.size === 0 || y.size === 0) return 0;
  let shared = 0;
  for (const w of x) if (y.has(w)) shared++;
  return shared / Math.max(x.size, y.size);
}

/**
 * The digest's papers with the ids recorded for them: matched by arXiv id, else by position or
 * line with a similar title (and no conflicting arXiv id), else by the same normalised title.
 * Each record is used once.
 */
export function keepRecordedIds(papers: readonly Paper[], recorded: readonly RecordedId[]): KeptIds {
  if (recorded.length === 0) return { papers: [...papers], renamed: [] };
  const byArxiv = new Map<string, RecordedId>();
  const byPosition = new Map<number, RecordedId>();
  const byLine = new Map<number, RecordedId>();
  const byTitle = new Map<string, RecordedId>();
  for (const r of recorded) {
    if (r.arxivId !== null && !byArxiv.has(r.arxivId)) byArxiv.set(r.arxivId, r);
    byPosition.set(r.position, r);
    if (!byLine.has(r.line)) byLine.set(r.line, r);
    const key = normaliseTitle(r.title);
    if (key !== '' && !byTitle.has(key)) byTitle.set(key, r);
  }
  const used = new Set<RecordedId>();
  const fits = (p: Paper, r: RecordedId | undefined): r is RecordedId =>
    r !== undefined && !used.has(r) && (p.arxivId === null || r.arxivId === null || p.arxivId === r.arxivId) && titleSimilarity(p.title, r.title) >= SIMILAR;
  const renamed: Array<[string, string]> = [];
  const out = papers.map((p, position) => {
    let r: RecordedId | undefined = p.arxivId !== null ? byArxiv.get(p.arxivId) : undefined;
    if (r && used.has(r)) r = undefined;
    if (!r) {
      const at = byPosition.get(position);
      const line = byLine.get(p.source.line);
      const titled = byTitle.get(normaliseTitle(p.title));
      r = fits(p, at) ? at : fits(p, line) ? line : fits(p, titled) ? titled : undefined;
    }
    if (!r) return p;
    used.add(r);
    if (r.id === p.id) return p;
    renamed.push([r.id, p.id]);
    return { ...p, id: r.id };
  });
  return { papers: out, renamed };
}

/** The record of a digest's papers with the ids they were merged under (after keepRecordedIds). */
export function recordIds(papers: readonly Paper[]): RecordedId[] {
  return papers.map((p, position) => ({ position, line: p.source.line, id: p.id, arxivId: p.arxivId, title: p.title }));
}

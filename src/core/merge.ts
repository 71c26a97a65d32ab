// De-duplication of papers across digests. Pure.
//
//   const merger = createMerger(existingPapers);
//   const { added, updated } = merger.add(parsedPapers, { digest, file, importedAt });
//   merger.papers  // the library, in library order (first import, then position in the digest)
//
// `mergeInto(existing, incoming, info)` does the same in one call and returns { papers, added, updated }
// (ids of the papers added and of the existing papers that gained a sighting or a field).
//
// Same paper = the same arXiv id (through the paper's arXiv id, its id or an alias), else the same
// normalised title (normaliseTitle) unless both sides carry different arXiv ids. A merged paper
// keeps every sighting (one per digest). Fields fill in from the richest source: a full abstract
// beats a summary beats a snippet beats none (the longer text between two of a kind); authors
// from the longer list; upvotes the highest seen; links unioned by URL; other empty fields filled.
// A paper's id never changes: when an arXiv id is learned for a paper first seen under a title
// hash, `arxivId` is set and the arXiv id becomes an alias. The title hash of a paper known by its
// arXiv id is an alias too, so a decision made on another machine under either id finds it.
import { normaliseTitle, paperId } from './ids.js';
import type { LibraryPaper, Sighting } from './library.js';
import type { AbstractKind, Paper } from './model.js';

interface SightingInfo {
  /** Content hash of the digest. */
  digest: string;
  /** The name the digest was imported from. */
  file: string;
  /** ISO time of the import. */
  importedAt: string;
}

interface MergeResult {
  papers: LibraryPaper[];
  added: string[];
  updated: string[];
}

interface Merger {
  readonly papers: LibraryPaper[];
  add(incoming: readonly Paper[], info: SightingInfo): { added: string[]; updated: string[] };
}

const KIND_RANK: Record<AbstractKind, number> = { none: 0, snippet: 1, summary: 2, abstract: 3 };

function seenDay(s: Sighting): string {
  return s.date ?? s.importedAt.slice(0, 10);
}

function newPaper(p: Paper, sighting: Sighting): LibraryPaper {
  const aliases: string[] = [];
  if (p.arxivId !== null && p.arxivId !== p.id) aliases.push(p.arxivId);
  if (p.arxivId !== null && p.id === p.arxivId) aliases.push(paperId(null, p.title));
  const day = seenDay(sighting);
  return { ...p, links: [...p.links], authors: [...p.authors], categories: [...p.categories], aliases, sightings: [sighting], firstSeen: day, lastSeen: day };
}

/** Fills `target` from `p`; true when a field changed. */
function fillFrom(target: LibraryPaper, p: Paper): boolean {
  let changed = false;
  const set = <K extends keyof LibraryPaper>(key: K, value: LibraryPaper[K]) => {
    target[key] = value;
    changed = true;
  };
  const rank = KIND_RANK[p.abstractKind];
  const ours = KIND_RANK[target.abstractKind];
  if (p.abstract !== '' && (rank > ours || (rank === ours && p.abstract.length > target.abstract.length))) {
    set('abstract', p.abstract);
    set('abstractKind', p.abstractKind);
  }
  if (p.authors.length > target.authors.length) set('authors', [...p.authors]);
  if (p.upvotes !== null && (target.upvotes === null || p.upvotes > target.upvotes)) set('upvotes', p.upvotes);
  const urls = new Set(target.links.map((l) => l.url));
  const extra = p.links.filter((l) => !urls.has(l.url));
  if (extra.length > 0) set('links', [...target.links, ...extra]);
  if (target.arxivId === null && p.arxivId !== null) set('arxivId', p.arxivId);
  if (p.version !== null && (target.version === null || p.version > target.version)) set('version', p.version);
  if (target.date === null && p.date !== null) set('date', p.date);
  if (target.announceType === null && p.announceType !== null) set('announceType', p.announceType);
  if (target.categories.length === 0 && p.categories.length > 0) set('categories', [...p.categories]);
  for (const key of ['comments', 'journalRef', 'doi', 'venue'] as const) {
    if (target[key] === null && p[key] !== null) set(key, p[key]);
  }
  return changed;
}

export function createMerger(existing: readonly LibraryPaper[]): Merger {
  const papers = [...existing];
  /** Every id, alias and arXiv id a paper answers to. */
  const byKey = new Map<string, LibraryPaper>();
  const byTitle = new Map<string, LibraryPaper>();
  const index = (p: LibraryPaper) => {
    for (const key of [p.id, ...p.aliases, ...(p.arxivId ? [p.arxivId] : [])]) if (!byKey.has(key)) byKey.set(key, p);
    const title = normaliseTitle(p.title);
    if (title !== '' && !byTitle.has(title)) byTitle.set(title, p);
  };
  for (const p of papers) index(p);

  const find = (p: Paper): LibraryPaper | undefined => {
    if (p.arxivId !== null) {
      const hit = byKey.get(p.arxivId);
      if (hit) return hit;
    }
    const byId = byKey.get(p.id);
    if (byId && (p.arxivId === null || byId.arxivId === null || byId.arxivId === p.arxivId)) return byId;
    const title = normaliseTitle(p.title);
    const hit = title === '' ? undefined : byTitle.get(title);
    if (hit && (p.arxivId === null || hit.arxivId === null || hit.arxivId === p.arxivId)) return hit;
    return undefined;
  };

  return {
    papers,
    add(incoming, info) {
      const added: string[] = [];
      const addedSet = new Set<string>();
      const updated = new Set<string>();
      for (const p of incoming) {
        const sighting: Sighting = { digest: info.digest, file: info.file, line: p.source.line, date: p.date, importedAt: info.importedAt };
        const target = find(p);
        if (!target) {
          const paper = newPaper(p, sighting);
          papers.push(paper);
          index(paper);
          added.push(paper.id);
          addedSet.add(paper.id);
          continue;
        }
        let changed = false;
        if (!target.sightings.some((s) => s.digest === info.digest)) {
          target.sightings = [...target.sightings, sighting];
          const day = seenDay(sighting);
          if (target.firstSeen === null || day < target.firstSeen) target.firstSeen = day;
          if (target.lastSeen === null || day > target.lastSeen) target.lastSeen = day;
          changed = true;
        }
        const hadArxiv = target.arxivId;
        if (fillFrom(target, p)) changed = true;
        const newAliases = [p.id, ...(p.arxivId ? [p.arxivId] : [])].filter((a) => a !== target.id && !target.aliases.includes(a));
        if (newAliases.length > 0) {
          target.aliases = [...target.aliases, ...new Set(newAliases)];
          changed = true;
        }
        if (hadArxiv !== target.arxivId || newAliases.length > 0) index(target);
        if (changed && !addedSet.has(target.id)) updated.add(target.id);
      }
      return { added, updated: [...updated] };
    },
  };
}

/** One digest's papers merged into a library; `existing` is not modified (papers that change are copied). */
export function mergeInto(existing: readonly LibraryPaper[], incoming: readonly Paper[], info: SightingInfo): MergeResult {
  const copies = existing.map((p) => ({ ...p }));
  const merger = createMerger(copies);
  const { added, updated } = merger.add(incoming, info);
  return { papers: merger.papers, added, updated };
}

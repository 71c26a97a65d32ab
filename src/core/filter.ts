// Which library papers a listing shows: tags that must hold, tags that must not, a date window and
// digests. Shared by `papers list`, export and the UI. Pure: "now" is passed in.
import { DATE_FORMS, parseDate } from './dates.js';
import { usageError } from './errors.js';
import { effectiveTags, type Decision, type LibraryHandle, type LibraryPaper, type Snapshot } from './library.js';
import { tagKey } from './tags.js';

export interface PaperFilter {
  /** Every one must hold (user tags or the virtual new / seen / untriaged), in any case. */
  tags: readonly string[];
  /** None may hold. */
  notTags: readonly string[];
  /** YYYY-MM-DD, inclusive: the paper was seen in a digest dated on or after it. */
  since: string | null;
  /** YYYY-MM-DD, inclusive: ... dated on or before it (same sighting as `since` when both are set). */
  until: string | null;
  /** Digest hashes: the paper was seen in one of them. null: any digest. */
  digests: readonly string[] | null;
}

export const NO_FILTER: PaperFilter = { tags: [], notTags: [], since: null, until: null, digests: null };

export function isNoFilter(f: PaperFilter): boolean {
  return f.tags.length === 0 && f.notTags.length === 0 && f.since === null && f.until === null && f.digests === null;
}

export function matchesFilter(paper: LibraryPaper, decision: Decision | undefined, latestDigest: string | null, f: PaperFilter): boolean {
  if (f.tags.length > 0 || f.notTags.length > 0) {
    const tags = new Set(effectiveTags(paper, decision, latestDigest).map(tagKey));
    for (const t of f.tags) if (!tags.has(tagKey(t))) return false;
    for (const t of f.notTags) if (tags.has(tagKey(t))) return false;
  }
  if (f.since !== null || f.until !== null || f.digests !== null) {
    const digests = f.digests === null ? null : new Set(f.digests);
    const hit = paper.sightings.some((s) => {
      if (digests !== null && !digests.has(s.digest)) return false;
      const day = s.date ?? s.importedAt.slice(0, 10);
      if (f.since !== null && day < f.since) return false;
      if (f.until !== null && day > f.until) return false;
      return true;
    });
    if (!hit) return false;
  }
  return true;
}

/** The snapshot's papers that pass, in library order. */
export function filterPapers(snapshot: Snapshot, f: PaperFilter): LibraryPaper[] {
  if (isNoFilter(f)) return snapshot.papers;
  return snapshot.papers.filter((p) => matchesFilter(p, snapshot.decisions.get(p.id), snapshot.latestDigest, f));
}

/** The papers of a library that pass the filter, as a snapshot (through the handle's fast path when it has one). */
export function selectPapers(handle: LibraryHandle, f: PaperFilter): Snapshot {
  if (handle.select) return handle.select(f);
  const snapshot = handle.snapshot();
  return isNoFilter(f) ? snapshot : { ...snapshot, papers: filterPapers(snapshot, f) };
}

/** A --since / --until value in the date grammar of core/dates.ts; `today` is the user's local date. */
export function parseDateFlag(flag: '--since' | '--until' | '--date', value: string, today: string): string {
  const day = parseDate(value, flag === '--until' ? 'until' : 'since', today);
  if (day === null) throw usageError(`${flag} ${value}: expected a date: ${DATE_FORMS}`);
  return day;
}

// `papers digest`: the papers that came into the library since a time, in the order interest
// ranking gives them, as Markdown (a mail, a notes file) or JSON. Pure: the caller passes the
// time, the ranking and the clock.
import { firstSentence, paperUrl } from '../export/facts.js';
import { escapeInline, escapeParagraph, linkDestination } from '../export/markdown-escape.js';
import type { LibraryPaper, Snapshot } from '../library.js';
import type { InterestRanking } from '../rank/interest.js';
import { tagsOf } from '../tags.js';

export const DIGEST_FORMATS = ['md', 'json'] as const;
export type DigestFormat = (typeof DIGEST_FORMATS)[number];

interface DigestEntry {
  paper: LibraryPaper;
  /** The paper's interest score, when the ranking has scores. */
  score: number | null;
  tags: string[];
}

export interface DigestMeta {
  /** ISO time: papers first imported at or after it are new. */
  since: string;
  /** ISO time the digest is made. */
  generated: string;
  /** How the order was decided (the ranking's reason), null when the model ranked. */
  order: string | null;
}

/** When the paper first came into the library: its earliest import. */
const arrived = (p: LibraryPaper) => p.sightings.reduce((min, s) => (s.importedAt < min ? s.importedAt : min), p.sightings[0]?.importedAt ?? '');

/** The snapshot's papers first imported at or after `since`, in the ranking's order. */
export function digestEntries(snapshot: Snapshot, ranking: InterestRanking, since: string): DigestEntry[] {
  const byId = new Map(snapshot.papers.map((p) => [p.id, p]));
  const out: DigestEntry[] = [];
  for (const id of ranking.ids) {
    const paper = byId.get(id);
    if (!paper || arrived(paper) < since) continue;
    const decision = snapshot.decisions.get(id);
    out.push({ paper, score: ranking.scores.get(id) ?? null, tags: tagsOf(decision) });
  }
  return out;
}

const MAX_AUTHORS = 3;
const minute = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;

function authorsLine(authors: readonly string[]): string {
  if (authors.length <= MAX_AUTHORS) return authors.join(', ');
  return `${authors.slice(0, MAX_AUTHORS).join(', ')} et al.`;
}

export function formatDigestMarkdown(entries: readonly DigestEntry[], meta: DigestMeta): string {
  const out = [`# Papers since ${minute(meta.since)}`, ''];
  if (entries.length === 0) return `${[...out, 'No new papers.'].join('\n')}\n`;
  out.push(`${entries.length} new paper${entries.length === 1 ? '' : 's'}, most interesting first${meta.order ? ` (${escapeInline(meta.order)})` : ''}.`, '');
  entries.forEach(({ paper, tags }, i) => {
    const facts = [paper.date, paper.upvotes !== null ? `${paper.upvotes} upvotes` : null, tags.length > 0 ? `tagged ${tags.join(', ')}` : null].filter((f): f is string => f !== null);
    const authors = paper.authors.length > 0 ? ` by ${escapeInline(authorsLine(paper.authors))}` : '';
    out.push(`${i + 1}. **${escapeInline(paper.title)}**${authors}${facts.length > 0 ? ` (${escapeInline(facts.join(', '))})` : ''}`);
    const url = paperUrl(paper);
    if (url) out.push(`   <${linkDestination(url)}>`);
    if (paper.abstract !== '') out.push(`   ${escapeParagraph(firstSentence(paper.abstract))}`);
  });
  return `${out.join('\n')}\n`;
}

export function formatDigestJson(entries: readonly DigestEntry[], meta: DigestMeta): string {
  const papers = entries.map(({ paper, score, tags }, i) => ({
    rank: i + 1,
    id: paper.id,
    title: paper.title,
    authors: paper.authors,
    date: paper.date,
    url: paperUrl(paper),
    upvotes: paper.upvotes,
    score: score === null ? null : Math.round(score * 1e4) / 1e4,
    tags,
    abstract: paper.abstract,
  }));
  return `${JSON.stringify({ since: meta.since, generated: meta.generated, order: meta.order, count: papers.length, papers }, null, 2)}\n`;
}

// How far the triage of a list has come: what the header counts, what `n` looks for and when a
// decision finished the digest. Pure.
import { effectiveTags, type LibraryPaper, type Snapshot } from '../core/library.js';
import type { FilterHit } from './adapters.js';

export const isUntriaged = (paper: LibraryPaper, snapshot: Snapshot): boolean => effectiveTags(paper, snapshot.decisions.get(paper.id), snapshot.latestDigest).includes('untriaged');

export interface Progress {
  untriaged: number;
  /** Papers of the latest import (the virtual tag new). */
  fresh: number;
}

/** Counts over the hits given (the list shown), or over every paper of the snapshot. */
export function progressOf(snapshot: Snapshot, hits?: readonly FilterHit[]): Progress {
  let untriaged = 0;
  let fresh = 0;
  const count = (paper: LibraryPaper) => {
    const tags = effectiveTags(paper, snapshot.decisions.get(paper.id), snapshot.latestDigest);
    if (tags.includes('untriaged')) untriaged++;
    if (tags.includes('new')) fresh++;
  };
  if (hits) for (const hit of hits) count(snapshot.papers[hit.index]!);
  else for (const paper of snapshot.papers) count(paper);
  return { untriaged, fresh };
}

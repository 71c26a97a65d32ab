// "Did you mean …?" for an unknown saved search, tag or config key: fuse.js, required only when a
// name is not found.
import type FuseType from 'fuse.js';
import type { NearMiss } from '../core/near-miss.js';
import { lazyRequire } from './lazy-require.js';

const fuse = lazyRequire<typeof FuseType>('fuse.js');

/** Close enough to be a slip of the keyboard: fuse's score is 0 for a match, 1 for none. */
const THRESHOLD = 0.4;

export const nearMiss: NearMiss = (word, known) => {
  if (word === '' || known.length === 0) return null;
  const Fuse = fuse();
  const [best] = new Fuse([...known], { threshold: THRESHOLD, ignoreLocation: true, isCaseSensitive: false, includeScore: true }).search(word, { limit: 1 });
  return best?.item ?? null;
};

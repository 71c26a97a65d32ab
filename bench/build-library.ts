// Builds one synthetic bench library in a process of its own (so that its peak RSS is measured
// alone): `node --import tsx bench/build-library.ts DIR N`. Writes decisions.yaml too: 2% of the
// papers +to-read, 10% +skip.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { serializeDecisions, type Decisions } from '../src/core/decisions.js';
import { prng } from './synthetic.js';
import { writeSyntheticLibrary } from './synthetic-library.js';

const [dir, count] = process.argv.slice(2);
if (!dir || !count) throw new Error('usage: build-library.ts DIR N');
const { papers } = writeSyntheticLibrary(dir, Number(count));
const rand = prng(7);
const decisions: Decisions = new Map();
for (const p of papers) {
  const r = rand();
  if (r < 0.02) decisions.set(p.id, { tags: { 'to-read': '2025-06-01T08:00:00.000Z' }, note: null });
  else if (r < 0.12) decisions.set(p.id, { tags: { skip: '2025-06-01T08:00:00.000Z' }, note: null });
}
writeFileSync(join(dir, 'decisions.yaml'), serializeDecisions(decisions));

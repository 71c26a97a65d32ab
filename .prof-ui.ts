import { asLibraryPapers, memoryLibrary } from './src/core/library.js';
import { syntheticPapers } from './bench/synthetic.js';
import { createSearchFilter } from './src/ui/adapters.js';
import { compileQuery } from './src/core/query/index.js';
import { createSearchIndex, searchPapers } from './src/core/search/index.js';
const handle = memoryLibrary(asLibraryPapers(syntheticPapers(10000), 'bench', '2025-04-01T00:00:00.000Z'), 'bench');
const snap = handle.snapshot();
const f = createSearchFilter();
let t = performance.now(); f.prepare(snap); console.log('prepare', (performance.now()-t).toFixed(0));
for (const q of ['n','ne','neu','neur','neura','neural','neural n','neural ne','neural network']) {
  t = performance.now(); const r = f(q, snap); const a = performance.now()-t;
  const c = compileQuery(q); 
  console.log(q.padEnd(16), 'filter', a.toFixed(1), 'hits', r.ok ? r.hits.length : 'err');
}

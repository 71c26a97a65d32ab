// `node scripts/unused-exports.mjs`: exported names of src/ that no other file (src, test, bench,
// scripts) mentions. Textual, so a name that is also a common word elsewhere counts as used: it
// errs towards keeping. A name it lists is used in its own file only (drop the export) or not at all.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
const root = process.argv[2] ?? '.';
const walk = (d) => readdirSync(d).flatMap((n) => { const p = join(d, n); return statSync(p).isDirectory() ? walk(p) : /\.(ts|tsx|mjs)$/.test(n) ? [p] : []; });
const files = ['src', 'test', 'bench', 'scripts'].flatMap((d) => walk(join(root, d)));
const text = new Map(files.map((f) => [f, readFileSync(f, 'utf8')]));
const words = new Map(); // word -> set of files
for (const [f, t] of text) for (const w of new Set(t.match(/[A-Za-z_$][\w$]*/g) ?? [])) { if (!words.has(w)) words.set(w, new Set()); words.get(w).add(f); }
const out = [];
for (const [f, t] of text) {
  if (!relative(root, f).startsWith('src/')) continue;
  const names = new Set();
  for (const m of t.matchAll(/^export\s+(?:declare\s+)?(?:async\s+)?(?:function\*?|const|let|class|interface|type|enum)\s+([A-Za-z_$][\w$]*)/gm)) names.add(m[1]);
  for (const m of t.matchAll(/^export\s+(?:type\s+)?\{([^}]*)\}(?!\s*from)/gm)) for (const part of m[1].split(',')) { const n = part.trim().split(/\s+as\s+/).pop().replace(/^type\s+/, ''); if (n) names.add(n); }
  for (const n of names) {
    const users = [...(words.get(n) ?? [])].filter((g) => g !== f);
    if (users.length === 0) {
      const own = (t.match(new RegExp(`\\b${n.replace('$', '\\$')}\\b`, 'g')) ?? []).length;
      out.push(`${relative(root, f)}\t${n}\t${own > 1 ? 'used-in-file' : 'unused'}`);
    }
  }
}
console.log(out.sort().join('\n'));
console.error(`${out.length} exported names no other file mentions`);

// Bundles src/cli/main.ts (and the worker of list --json) into dist/ with esbuild. The UI is a
// separate chunk (dynamic import), so the plain commands never load Ink or React.
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

// Packages are bundled, but those a run loads only where it needs them (the SQLite driver, yaml,
// fuse.js, the parsers' markdown-it and htmlparser2, chalk and string-width: lazy-packages.test.ts
// sees each load) and React's devtools (never installed). Node's loader resolves, reads, links and
// compiles each module file of node_modules on its own; Ink's dependencies alone are over a hundred
// files, and bundled into the UI chunk that cost is gone from the first frame. CommonJS packages
// (React, its reconciler and scheduler, commander) also skip the scan Node makes before an ES module
// imports them. commander and terminal-size import child_process for what papers never or rarely
// does (executable subcommands; the size of a terminal that does not say it); that module, and the
// net stack it loads, would cost every run milliseconds, so they get it on first use.
const EXTERNAL = /^(better-sqlite3|yaml|fuse\.js|markdown-it|htmlparser2|chalk|string-width|react-devtools-core)(\/|$)/;
const LAZY_CHILD_PROCESS = /[\\/]node_modules[\\/](commander|terminal-size)[\\/]/;
const externalPackages = {
  name: 'external-packages',
  setup(b) {
    b.onResolve({ filter: /^node:child_process$/ }, (args) => (LAZY_CHILD_PROCESS.test(args.importer) ? { path: args.path, namespace: 'on-first-use' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'on-first-use' }, () => ({
      contents: "let cp; const load = () => (cp ??= require('node:child_process')); module.exports = { spawn: (...args) => load().spawn(...args), execFileSync: (...args) => load().execFileSync(...args) };",
      loader: 'js',
    }));
    b.onResolve({ filter: /^[^./#]/ }, (args) => (EXTERNAL.test(args.path) ? { path: args.path, external: true } : undefined));
  },
};

const result = await build({
  entryPoints: { main: 'src/cli/main.ts', 'json-worker': 'src/io/db/json-worker.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  plugins: [externalPackages],
  sourcemap: 'linked',
  define: { 'process.env.NODE_ENV': '"production"' },
  jsx: 'automatic',
  logLevel: 'warning',
  chunkNames: 'chunks/[name]-[hash]',
  metafile: true,
  // the bundled CommonJS (commander) requires Node's own modules, which an ES module has no require for
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
});

// esbuild never deletes chunks of earlier builds; remove them here rather than emptying dist/ first,
// so a binary running while the build runs never loses the files it is loading.
const fresh = new Set(Object.keys(result.metafile.outputs).map((f) => relative('dist', f)));
for (const name of readdirSync('dist/chunks')) {
  if (!fresh.has(join('chunks', name))) rmSync(join('dist/chunks', name));
}

// The seed's parse, next to the bundle (src/io/seed-prebuilt.ts): listing the seed then parses
// nothing. Made by the code the bundle runs (cli/source.ts seedParse), bundled on its own for this.
const SEED_PARSER = 'dist/.seed-parse.mjs';
await build({
  stdin: {
    contents: "import { loadParsers } from './src/io/parsers.ts'; import { seedParse } from './src/cli/source.ts'; await loadParsers(); export default seedParse();",
    resolveDir: '.',
    loader: 'ts',
  },
  outfile: SEED_PARSER,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  plugins: [externalPackages],
  logLevel: 'warning',
});
try {
  const { default: seed } = await import(pathToFileURL(resolve(SEED_PARSER)).href);
  writeFileSync('dist/seed-papers.json', JSON.stringify(seed));
} finally {
  rmSync(SEED_PARSER, { force: true });
}

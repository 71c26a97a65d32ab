// Bundles src/cli/main.ts into dist/ with esbuild. The UI is a separate chunk (dynamic import),
// so the plain commands never load Ink or React.
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

// Packages stay external (node_modules at run time), except what the UI chunk is made of, for its
// start-up time (the first frame's budget): Ink imports es-toolkit/compat's barrel for one
// function (1,300 module files for Node to load), and React, its reconciler and scheduler are
// CommonJS, which Node must scan before an ES module can import them. Bundled, neither cost remains.
// commander, which every run but `papers --version` loads, is CommonJS too: bundled, for the same
// reason. It requires child_process for executable subcommands, which papers has none of; that
// module (and the net stack it loads) costs every run milliseconds, so commander gets it on first use.
const BUNDLED = /^(ink|es-toolkit|react|react-reconciler|scheduler|commander)(\/|$)/;
const externalPackages = {
  name: 'external-packages',
  setup(b) {
    b.onResolve({ filter: /^node:child_process$/ }, (args) => (/[\\/]node_modules[\\/]commander[\\/]/.test(args.importer) ? { path: args.path, namespace: 'on-first-use' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'on-first-use' }, () => ({
      contents: "let cp; module.exports = { spawn: (...args) => (cp ??= require('node:child_process')).spawn(...args) };",
      loader: 'js',
    }));
    b.onResolve({ filter: /^[^./]/ }, (args) => (BUNDLED.test(args.path) ? undefined : { path: args.path, external: true }));
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

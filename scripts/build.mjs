// Bundles src/cli/main.ts into dist/ with esbuild. The UI is a separate chunk (dynamic import),
// so the plain commands never load Ink or React.
import { build } from 'esbuild';

// Packages stay external (node_modules at run time), except Ink and es-toolkit: Ink imports
// es-toolkit/compat's barrel for one function, which costs Node 1,300 module files at run time.
// Bundled into the UI chunk, that is tree-shaken to a few functions (first frame budget, issue 6).
const BUNDLED = /^(ink|es-toolkit)(\/|$)/;
const externalPackages = {
  name: 'external-packages',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => (BUNDLED.test(args.path) ? undefined : { path: args.path, external: true }));
  },
};

await build({
  entryPoints: { main: 'src/cli/main.ts' },
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
});

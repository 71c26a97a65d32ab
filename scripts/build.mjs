// Bundles src/cli/main.ts into dist/ with esbuild. The UI is a separate chunk (dynamic import),
// so the plain commands never load Ink or React.
import { build } from 'esbuild';

// Packages stay external (node_modules at run time), except what the UI chunk is made of, for its
// start-up time (first frame budget, issue 6): Ink imports es-toolkit/compat's barrel for one
// function (1,300 module files for Node to load), and React, its reconciler and scheduler are
// CommonJS, which Node must scan before an ES module can import them. Bundled, neither cost remains.
const BUNDLED = /^(ink|es-toolkit|react|react-reconciler|scheduler)(\/|$)/;
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

import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    env: { FORCE_COLOR: '0', NO_COLOR: '1' },
    // The built program (run in process by test/cli/run-in-process.ts) is loaded by Node as it is,
    // as bin/papers.js loads it, not transformed again.
    server: { deps: { external: [/\/dist\//] } },
  },
});

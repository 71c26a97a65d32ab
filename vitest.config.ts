import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    env: { FORCE_COLOR: '0', NO_COLOR: '1' },
    // Files run in child processes (the in-process CLI runner changes the working folder and
    // process.env, which threads cannot). Run mode's default is one worker fewer than the cores:
    // one on this 2-core machine, which then waits on every child process the tests start.
    pool: 'forks',
    maxWorkers: Number(process.env.PAPERS_TEST_WORKERS ?? 3),
    // A worker keeps its imports from one file to the next (no test file changes module state or
    // the environment for good): a third of the suite's time was each file importing again.
    isolate: false,
    // The built program (run in process by test/cli/run-in-process.ts) is loaded by Node as it is,
    // as bin/papers.js loads it, not transformed again.
    server: { deps: { external: [/\/dist\//] } },
    setupFiles: ['test/setup/lazy-modules.ts'],
  },
});

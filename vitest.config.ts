import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    env: { FORCE_COLOR: '0', NO_COLOR: '1' },
    setupFiles: ['test/setup/lazy-modules.ts'],
  },
});

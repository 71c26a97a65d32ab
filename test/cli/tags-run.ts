// Runs the program in process (its exitOverride turns exits into errors main reports) against a
// library folder of the test's own, capturing stdout and stderr.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { vi } from 'vitest';
import { main } from '../../src/cli/main.js';

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** A fresh library folder, with a config path that does not exist (so the user's is never read). */
export function tempLibrary(): string {
  const dir = mkdtempSync(join(tmpdir(), 'papers-tags-'));
  process.env.PAPERS_CONFIG = join(dir, 'no-config.yaml');
  process.env.NO_COLOR = '1';
  return join(dir, 'library');
}

export async function papersIn(library: string, args: readonly string[]): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true));
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true));
  process.exitCode = undefined;
  try {
    await main(['node', 'papers', '--library', library, ...args]);
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
  const code = Number(process.exitCode ?? 0);
  process.exitCode = undefined;
  return { code, stdout, stderr };
}

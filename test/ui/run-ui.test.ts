// runUi owns the terminal: the alternate screen is entered, and left again however the UI ends.
import { EventEmitter } from 'node:events';
import { describe, expect, test } from 'vitest';
import type { LibraryHandle } from '../../src/core/library.js';
import { runUi } from '../../src/ui/index.js';
import { seedLibrary } from './fixtures.js';
import { FakeStdin } from './fake-stdin.js';

class FakeStdout extends EventEmitter {
  isTTY = true;
  columns = 100;
  rows = 30;
  written = '';
  write = (chunk: string) => {
    this.written += chunk;
    this.emit('written');
    return true;
  };
}

const ENTER = '\u001b[?1049h';
const LEAVE = '\u001b[?1049l';

function start(handle: LibraryHandle) {
  const stdout = new FakeStdout();
  const stdin = new FakeStdin();
  const done = runUi({
    handle,
    writeExport: async (p) => p,
    openUrl: async () => ({ ok: true }),
    stdin: stdin as unknown as NodeJS.ReadStream,
    stdout: stdout as unknown as NodeJS.WriteStream,
    now: () => new Date('2025-03-14T10:00:00Z'),
    patchConsole: false, // vitest replaces the console Ink would patch
  });
  return { stdout, stdin, done };
}

async function until(condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe('runUi', () => {
  test('q: the UI ends, raw mode is off and the alternate screen is left', async () => {
    const { stdout, stdin, done } = start(seedLibrary());
    // (Under CI Ink draws only the last frame, at exit: wait for the key listener, not a frame.)
    await until(() => stdin.listenerCount('readable') > 0);
    expect(stdout.written.startsWith(ENTER)).toBe(true);
    stdin.write('q');
    await done;
    expect(stdout.written).toContain('1/5 · 5 untriaged');
    expect(stdout.written.endsWith(LEAVE)).toBe(true);
    expect(stdin.rawMode.at(-1)).toBe(false);
  });

  test('an error inside the UI still leaves the alternate screen, and reaches the caller', async () => {
    const broken: LibraryHandle = { ...seedLibrary(), origin: 'broken', snapshot: () => {
      throw new Error('library unreadable');
    } };
    const { stdout, done } = start(broken);
    await expect(done).rejects.toThrow('library unreadable');
    expect(stdout.written.startsWith(ENTER)).toBe(true);
    expect(stdout.written.endsWith(LEAVE)).toBe(true);
  });
});

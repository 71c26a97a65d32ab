// The CLI side of the UI: when it opens, and the export writer it hands the UI.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { inCi, wantsUi } from '../../src/cli/ui-launch.js';
import { writeExport } from '../../src/cli/ui-open.js';
import { memoryLibrary } from '../../src/core/library.js';
import { papersToMarkdown } from '../../src/ui/adapters.js';
import { browserCommand } from '../../src/io/open-url.js';
import { seedLikePapers } from './fixtures.js';

const tty = { stdin: { isTTY: true }, stdout: { isTTY: true } };

describe('wantsUi', () => {
  test('both ends a terminal, no --plain / --json, not CI', () => {
    expect(wantsUi({}, {}, tty)).toBe(true);
    expect(wantsUi({ plain: true }, {}, tty)).toBe(false);
    expect(wantsUi({ json: true }, {}, tty)).toBe(false);
    expect(wantsUi({}, {}, { stdin: { isTTY: false }, stdout: { isTTY: true } })).toBe(false);
    expect(wantsUi({}, {}, { stdin: { isTTY: true }, stdout: {} })).toBe(false);
    expect(wantsUi({}, { CI: 'true' }, tty)).toBe(false);
  });

  test('CI as Ink reads it: set to anything but 0 or false', () => {
    expect(inCi({ CI: '1' })).toBe(true);
    expect(inCi({ CI: '' })).toBe(true);
    expect(inCi({ CONTINUOUS_INTEGRATION: 'yes' })).toBe(true);
    expect(inCi({ CI: 'false' })).toBe(false);
    expect(inCi({ CI: '0' })).toBe(false);
    expect(inCi({})).toBe(false);
  });
});

describe('writeExport', () => {
  const dir = mkdtempSync(join(tmpdir(), 'papers-ui-export-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const library = memoryLibrary(seedLikePapers()).snapshot();
  const list = papersToMarkdown(seedLikePapers(), library, { today: '2025-03-14', query: '' });

  test('writes a new file, and replaces one papers wrote', async () => {
    const path = join(dir, 'list.md');
    expect(await writeExport(path, 'first', library)).toBe(path);
    expect(readFileSync(path, 'utf8')).toBe('first');
    writeFileSync(path, '');
    await writeExport(path, list, library);
    await writeExport(path, `${list}\n- [ ] again\n`, library);
    expect(readFileSync(path, 'utf8')).toContain('again');
  });

  test('refuses to replace a file papers did not write, and keeps it', async () => {
    const path = join(dir, 'notes.md');
    writeFileSync(path, 'my own notes\n');
    await expect(writeExport(path, list, library)).rejects.toThrow(/notes\.md: exists and is not a reading list papers wrote; choose another file/);
    expect(readFileSync(path, 'utf8')).toBe('my own notes\n');
  });

  test('refuses to replace a reading list whose ticks are not imported yet, and keeps it', async () => {
    const path = join(dir, 'ticked.md');
    const ticked = list.replace('- [ ]', '- [x]');
    expect(ticked).not.toBe(list);
    writeFileSync(path, ticked);
    await expect(writeExport(path, list, library)).rejects.toThrow(/ticked\.md: has edits not imported yet \(1 marked read\)/);
    expect(readFileSync(path, 'utf8')).toBe(ticked);
  });

  test('a folder that cannot be written says so in one line', async () => {
    await expect(writeExport(join(dir, 'list.md', 'inside.md'), list, library)).rejects.toThrow(/cannot write it/);
  });
});

describe('browserCommand', () => {
  const url = 'https://arxiv.org/abs/2503.01234';
  test('$BROWSER first entry, with %s replaced or the URL appended', () => {
    expect(browserCommand(url, { BROWSER: 'firefox --new-tab:chromium' }, 'linux', () => true)).toEqual(['firefox', '--new-tab', url]);
    expect(browserCommand(url, { BROWSER: 'w3m %s' }, 'linux', () => true)).toEqual(['w3m', url]);
  });
  test('else xdg-open (open on macOS) when on the PATH, else nothing', () => {
    expect(browserCommand(url, {}, 'linux', (n) => n === 'xdg-open')).toEqual(['xdg-open', url]);
    expect(browserCommand(url, {}, 'darwin', (n) => n === 'open')).toEqual(['open', url]);
    expect(browserCommand(url, {}, 'linux', () => false)).toBeNull();
  });
});

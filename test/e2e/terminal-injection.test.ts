// A digest written by an attacker, imported and shown on a real terminal (a pseudo-terminal from
// script(1)): list, show, search, tags, parse, import, export, doctor and the UI. None of the
// sequences the digest holds may reach the terminal: not the clipboard write (OSC 52), the window
// title (OSC 0), a hyperlink (OSC 8), a device status request (CSI 6n), blinking colour (SGR), their
// 8-bit C1 forms, or bidi overrides. Colour is on, so papers' own SGR sequences are written too.
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { papersOnTerminal, papersPiped, sandbox, uiOnTerminal, writeDigest } from '../cli/terminal-run.js';

const OSC52 = '\u001b]52;c;cGFwZXJzCg==\u0007';
const OSC0 = '\u001b]0;PWNED\u0007';
const OSC8 = '\u001b]8;;https://evil.example\u001b\\click\u001b]8;;\u001b\\';
const DSR = '\u001b[6n';
const BLINK = '\u001b[5;31m';
const C1 = '\u009b6n\u009d0;C1TITLE\u009c';
const BIDI = '\u202egnp.exe\u202c \u2066iso\u2069';
const HOSTILE = `${OSC52}${OSC0}${OSC8}${DSR}${BLINK}${C1}${BIDI}`;
const TITLE = `Hostile title ${HOSTILE} end`;

let dir: string;
let env: NodeJS.ProcessEnv;
let file: string;

/** What must not be in the bytes a terminal received. */
function expectNothingHostile(bytes: Buffer, what: string): void {
  const raw = bytes.toString('latin1');
  expect(raw, `${what}: an OSC sequence`).not.toMatch(/\u001b\]/);
  expect(raw, `${what}: CSI 6n`).not.toContain(DSR);
  expect(raw, `${what}: the digest's SGR`).not.toContain(BLINK);
  expect(raw, `${what}: a C1 control (UTF-8 C2 80..9F)`).not.toMatch(/\u00c2[\u0080-\u009f]/);
  expect(raw, `${what}: a bidi control`).not.toMatch(/\u00e2\u0080[\u00aa-\u00ae]|\u00e2\u0081[\u00a6-\u00a9]/);
  expect(raw, `${what}: BEL`).not.toContain('\u0007');
}

beforeAll(() => {
  ({ dir, env } = sandbox());
  file = writeDigest(dir, `digest ${OSC0}${C1}.json`, [
    { id: '2501.00001', title: TITLE, authors: [`Eve ${OSC0} Mallory`, `Bob ${BIDI}`], summary: `Hostile abstract ${OSC52} words ${C1} more ${BLINK}words.`, githubRepo: `https://github.com/x/y${OSC8}` },
  ]);
  const imported = papersPiped(['import', file], env);
  expect(imported.stderr).toBe('');
  expect(imported.status).toBe(0);
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('on a terminal, the hostile digest shows but does not act', () => {
  const commands: Array<[string, () => string[], number?]> = [
    ['list', () => ['list', '--limit', '9']], // a limit prints the table (no arguments opens the UI)
    ['list --plain', () => ['list', '--plain']],
    ['show', () => ['show', '2501.00001']],
    ['search', () => ['search', 'hostile']],
    ['search --plain', () => ['search', 'hostile', '--plain']],
    ['tags', () => ['tags']],
    ['parse', () => ['parse', file]],
    ['import (already imported)', () => ['import', file]],
    ['export to the terminal', () => ['export', '--abstracts', 'full']],
    ['doctor', () => ['doctor']],
    // error lines that echo what the user gave
    ['an error naming a missing file', () => ['import', `${dir}/missing ${OSC0}${C1}${BIDI}.txt`], 2],
    ['an error quoting a query', () => ['search', `nomatchword ${C1}${BIDI}`], 1],
  ];
  for (const [what, args, exit = 0] of commands) {
    it(what, () => {
      const { status, bytes } = papersOnTerminal(args(), env);
      expect(status, bytes.toString('utf8')).toBe(exit);
      expectNothingHostile(bytes, what);
    });
  }

  it('shows the controls as visible characters, in colour', () => {
    const text = papersOnTerminal(['show', '2501.00001'], env).bytes.toString('utf8');
    expect(text).toContain('Hostile title ␛]52;c;cGFwZXJzCg==␇␛]0;PWNED␇');
    expect(text).toContain('Eve ␛]0;PWNED␇ Mallory');
    expect(text).toMatch(/\u001b\[\d+m/);
  });

  it('--json keeps the data exact', () => {
    const text = papersOnTerminal(['list', '--json'], env).bytes.toString('utf8');
    expectNothingHostile(Buffer.from(text, 'utf8'), 'list --json');
    const [paper] = JSON.parse(text) as Array<{ title: string; authors: string[]; links: Array<{ url: string }> }>;
    expect(paper!.title).toBe(TITLE);
    expect(paper!.authors[0]).toBe(`Eve ${OSC0} Mallory`);
    expect(paper!.links[0]!.url).toBe(`https://github.com/x/y${OSC8}`);
  });

  it('the UI', async () => {
    const bytes = await uiOnTerminal(env, 'untriaged', []);
    const text = bytes.toString('utf8');
    expect(text).toContain('Hostile title ␛]52'); // the list row and the preview were drawn
    expect(text).toContain('Mallory');
    expectNothingHostile(bytes, 'the UI');
  });
});

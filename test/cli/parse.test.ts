// `papers parse` through the built binary: summaries, diagnostics with file:line, --json, --format,
// exit codes, and that the library is never touched.
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { run } from './run-in-process.js';

const CORPORA = fileURLToPath(new URL('../fixtures/corpora/', import.meta.url));

function papers(args: string[], home: string, input?: string) {
  const env = { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1', PAPERS_HOME: home, XDG_DATA_HOME: home, XDG_CONFIG_HOME: home, HOME: home };
  return run(args, env, input, CORPORA);
}

const home = () => mkdtempSync(join(tmpdir(), 'papers-parse-'));

describe('papers parse', () => {
  it('prints one summary line per file: format, papers, dates, arXiv sections', async () => {
    const dir = home();
    const r = await papers(['parse', 'arxiv-mailing-1.txt', 'arxiv-mailing-2.txt', 'google-scholar-alert-3.txt', 'hf-api-1.json'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        'arxiv-mailing-1.txt: arxiv-mail, 16 papers found (2023-03-17; arXiv: 13 new, 0 cross-lists, 3 replacements)',
        'arxiv-mailing-2.txt: arxiv-mail, 60 papers found (2023-03-03; arXiv: 53 new, 4 cross-lists, 3 replacements)',
        'google-scholar-alert-3.txt: scholar-alert, 2 papers found (no dates)',
        'hf-api-1.json: hf-api, 8 papers found (2024-10-25)',
        '',
      ].join('\n'),
    );
    // every diagnostic, with file:line
    expect(r.stderr).toBe('arxiv-mailing-2.txt:1858: warning: the listing ends without its end marker (%%%---%%%---): it may be cut short\n');
    // the library was not touched
    expect(readdirSync(dir)).toEqual([]);
  });

  it('prints JSON for scripts, papers included', async () => {
    const r = await papers(['parse', '--json', 'arxiv-mailing-3.txt'], home());
    expect(r.code).toBe(0);
    const [report] = JSON.parse(r.stdout) as Array<Record<string, unknown> & { papers: Array<{ id: string; announceType: string; authors: string[] }> }>;
    expect(report).toMatchObject({ file: 'arxiv-mailing-3.txt', format: 'arxiv-mail', count: 3, dates: { from: '2023-06-09', to: '2023-06-09' }, announceTypes: { new: 0, cross: 1, replace: 2 }, errors: 0, warnings: 0, diagnostics: [] });
    expect(report!.papers.map((p) => [p.id, p.announceType])).toEqual([['2306.04713', 'cross'], ['2204.01445', 'replace'], ['2206.02587', 'replace']]);
    expect(report!.papers[2]!.authors).toEqual(['Ludwik Dąbrowski', 'Andrzej Sitarz', 'Paweł Zalecki']);
  });

  it('reads a mailbox from stdin and reports each message', async () => {
    const dir = home();
    const mboxText = [
      'From arxiv@example.org Fri Mar 17 00:31:14 2023',
      'From: no-reply@arxiv.org',
      'Subject: q-fin daily 13 new +  crosses received',
      'Date: Fri, 17 Mar 2023 00:31:14 +0000',
      '',
      'received from  Wed 15 Mar 23 18:00:00 GMT  to  Thu 16 Mar 23 18:00:00 GMT',
      '\\\\',
      'arXiv:2303.08867',
      'Date: Wed, 15 Mar 2023 18:34:08 GMT   (243kb,D)',
      '',
      'Title: A Bayesian derivation of the square root law of market impact',
      'Authors: Louis Saddier and Matteo Marsili',
      'Categories: q-fin.TR cond-mat.stat-mech',
      '\\\\',
      '  We show things.',
      '\\\\ ( https://arxiv.org/abs/2303.08867 ,  243kb)',
      '%%%---%%%---%%%---',
      '',
      'From friend@example.org Sat Mar 18 12:00:00 2023',
      'From: friend@example.org',
      'Subject: lunch?',
      '',
      'At noon.',
      '',
    ].join('\n');
    const r = await papers(['parse', '-'], dir, mboxText);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('stdin: mbox, 1 paper found (2023-03-17; arXiv: 1 new, 0 cross-lists, 0 replacements)\n');
    expect(r.stderr).toContain('stdin:2: info: message 1 ("q-fin daily 13 new +  crosses received"): arxiv-mail, 1 paper');
    expect(r.stderr).toContain('stdin:23: info: message 2 ("lunch?"): not a digest this program reads; skipped');
    expect((await papers(['parse', '-', '--quiet'], dir, mboxText)).stderr).toBe('');
  });

  it('--format forces a format, and names the known ones when wrong', async () => {
    const dir = home();
    const forced = await papers(['parse', '--format', 'hf-api', 'arxiv-mailing-3.txt'], dir);
    expect(forced.code).toBe(2);
    expect(forced.stdout).toBe('arxiv-mailing-3.txt: hf-api, 0 papers found\n');
    expect(forced.stderr).toMatch(/^papers: arxiv-mailing-3\.txt: no papers found \(read as hf-api: not valid JSON/m);
    const wrong = await papers(['parse', '--format', 'nope', 'arxiv-mailing-3.txt'], dir);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/^papers: --format nope: unknown format; one of .*arxiv-mail.*mbox/);
  });

  it('goes on past a file it cannot read, then exits 2', async () => {
    const dir = home();
    const bad = join(dir, 'random.bin');
    writeFileSync(bad, Buffer.from([0, 1, 2, 3, 255, 254]));
    const r = await papers(['parse', bad, 'google-scholar-alert-4.txt', 'missing.txt'], dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('google-scholar-alert-4.txt: scholar-alert, 1 paper found (no dates)\n');
    expect(r.stderr).toContain(`papers: ${bad}: is a binary file`);
    expect(r.stderr.trim().split('\n').at(-1)).toBe('papers: missing.txt: no such file; check the path');
    expect(existsSync(join(dir, 'library.json'))).toBe(false);
  });
});

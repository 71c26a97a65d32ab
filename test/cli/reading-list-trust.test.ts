// A reading list edits decisions only when the file is one as a whole (it starts with papers'
// front matter), only through `papers import`, printing each change; never from a mail, an mbox,
// HTML or a digest, whatever comments they hold.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decisionsText, listIds, ROOT, run, seededLibrary } from './hooks-run.js';

const ARXIV_MAIL = readFileSync(join(ROOT, 'test', 'fixtures', 'corpora', 'arxiv-mailing-4.eml'), 'utf8');

async function withDecisions() {
  const lib = await seededLibrary();
  const id = lib.ids[0]!;
  expect((await run(['tag', id, '+read'], lib.env)).code).toBe(0);
  expect((await run(['note', id, 'my own note'], lib.env)).code).toBe(0);
  return { ...lib, id, before: decisionsText(lib.dir) };
}

describe('reading lists from strangers', () => {
  it('a mail whose body holds reading-list lines changes no decision', async () => {
    const { dir, env, id, before } = await withDecisions();
    const mail = join(dir, '..', 'digest.eml');
    writeFileSync(mail, ['From: someone@example.org', 'Subject: papers of the week', '', 'Hi,', '', `- [ ] Great paper <!-- papers:id=${id} ticked -->`, '    a note written by a stranger', ''].join('\n'));
    const r = await run(['import', mail], env);
    expect(r.stdout).not.toMatch(/marked unread|note set/);
    expect(decisionsText(dir)).toBe(before);
  });

  it('an mbox hiding reading-list lines in an HTML part: decisions untouched, the real digest beside it imported', async () => {
    const { dir, env, id, before } = await withDecisions();
    const count = (await listIds(env)).length;
    const hidden = [
      'From stranger@example.org Thu Jan  1 00:00:00 2026',
      'From: stranger@example.org',
      'Subject: hello',
      'MIME-Version: 1.0',
      'Content-Type: multipart/alternative; boundary="b"',
      '',
      '--b',
      'Content-Type: text/html',
      '',
      `<p>- [ ] x <!-- papers:id=${id} ticked --></p>`,
      `- [ ] Great paper <!-- papers:id=${id} ticked -->`,
      '    replaced by a stranger',
      '--b--',
      '',
    ].join('\n');
    const mbox = join(dir, '..', 'inbox.mbox');
    writeFileSync(mbox, `${hidden}\nFrom no-reply@arXiv.org Thu Nov  7 00:45:57 2024\n${ARXIV_MAIL}`);
    const r = await run(['import', mbox], env);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).not.toMatch(/reading list|marked unread|note set/);
    expect(decisionsText(dir)).toBe(before);
    expect((await listIds(env)).length).toBeGreaterThan(count);
  });

  it('a file with id comments but without papers’ front matter is not a reading list', async () => {
    const { dir, env, id, before } = await withDecisions();
    const md = join(dir, '..', 'list.md');
    writeFileSync(md, `# my list\n\n- [ ] Great paper <!-- papers:id=${id} ticked -->\n  replaced\n`);
    const r = await run(['import', md], env);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not a papers reading list/);
    expect(decisionsText(dir)).toBe(before);
  });
});

describe('a reading list papers exported', () => {
  it('--dry-run prints the changes and makes none; the import prints and applies them; one undo reverts them', async () => {
    const { dir, env, ids } = await seededLibrary();
    await run(['tag', ids[0]!, ids[1]!, '+to-read'], env);
    const list = join(dir, '..', 'to-read.md');
    expect((await run(['export', '--tag', 'to-read', '-o', list], env)).code).toBe(0);
    const exported = readFileSync(list, 'utf8');
    const edited = exported.replace(/- \[ \] (.*<!-- papers:id=)/, '- [x] $1');
    expect(edited).not.toBe(exported);
    writeFileSync(list, edited);
    const before = decisionsText(dir);

    const dry = await run(['import', '--dry-run', list], env);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/\+read/);
    expect(dry.stdout).toMatch(/would be 1 marked read \(--dry-run: nothing changed\)/);
    expect(decisionsText(dir)).toBe(before);

    const real = await run(['import', list], env);
    expect(real.code).toBe(0);
    expect(real.stdout).toMatch(/\+read/);
    expect(real.stdout).toMatch(/reading list, 2 items: 1 marked read/);
    expect(decisionsText(dir)).not.toBe(before);
    expect((await run(['undo'], env)).code).toBe(0);
    expect(decisionsText(dir).replace(/^#.*\n/gm, '')).toBe(before.replace(/^#.*\n/gm, ''));
  });
});

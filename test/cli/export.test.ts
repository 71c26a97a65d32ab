// `papers export` and the reading-list round trip through `papers import`, on the built program with
// a temporary library and config, so nothing touches the real home.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import { parse as parseCsv } from 'csv-parse/sync';
import type { CslItem } from '../../src/core/export/csl-json.js';
import { renderBibliography, taskItems } from '../core/export/render.js';
import { start } from './library-run.js';
import { run as papers } from './run-in-process.js';
import { hookEnv, reached } from './hooks-run.js';

const EPOCH = String(Date.UTC(2025, 3, 1) / 1000); // 2025-04-01

function sandbox() {
  const dir = mkdtempSync(join(tmpdir(), 'papers-export-'));
  const env = {
    ...process.env,
    FORCE_COLOR: '0',
    NO_COLOR: '1',
    PAPERS_HOME: join(dir, 'library'),
    XDG_CONFIG_HOME: join(dir, 'config'),
    PAPERS_CONFIG: join(dir, 'config', 'none.yaml'),
    SOURCE_DATE_EPOCH: EPOCH,
  };
  for (const k of Object.keys(env)) if (k.startsWith('PAPERS_EXPORT_')) delete (env as Record<string, string | undefined>)[k];
  const run = (args: string[]) => papers(args, env);
  return { dir, env, run };
}

interface JsonPaper {
  id: string;
  title: string;
  tags: string[];
  note: string | null;
}
const libraryState = async (run: ReturnType<typeof sandbox>['run']): Promise<JsonPaper[]> => {
  const r = await run(['export', '--format', 'json']);
  expect(r.code, r.stderr).toBe(0);
  return (JSON.parse(r.stdout) as { papers: JsonPaper[] }).papers.map(({ id, title, tags, note }) => ({ id, title, tags, note }));
};

describe('papers export', () => {
  it('prints the seed as a Markdown reading list by default: one task item per paper', async () => {
    const { run } = sandbox();
    const r = await run(['export']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.startsWith('---\ntitle: "Reading list"\ngenerated: 2025-04-01\nquery: null\ncount: 100\ngenerator: papers reading-list 1\n---\n')).toBe(true);
    expect(taskItems(r.stdout)).toHaveLength(100);
  });

  it('writes every format, each readable by its tools', async () => {
    const { run } = sandbox();
    const bib = await run(['export', '--format', 'bibtex']);
    expect(bib.code, bib.stderr).toBe(0);
    expect(parseBibtex(bib.stdout, { english: false, sentenceCase: false }).entries).toHaveLength(100);
    const csl = await run(['export', '--format', 'csl-json']);
    expect(renderBibliography(JSON.parse(csl.stdout) as CslItem[])).toHaveLength(100);
    const csv = await run(['export', '--format', 'csv']);
    expect(parseCsv(csv.stdout, { columns: true })).toHaveLength(100);
    const ris = await run(['export', '--format', 'ris']);
    expect(ris.stdout.match(/^ER {2}- \r$/gm)).toHaveLength(100);
    expect(JSON.parse((await run(['export', '--format', 'json'])).stdout).count).toBe(100);
  });

  it('is byte-identical across runs', async () => {
    const { run } = sandbox();
    expect((await run(['export', '--group', 'date', '--abstracts', 'full'])).stdout).toBe((await run(['export', '--group', 'date', '--abstracts', 'full'])).stdout);
  });

  it('selects with the query language and the tag filters, and records the query', async () => {
    const { run } = sandbox();
    const r = await run(['export', 'linear', 'attention']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('\nquery: "linear attention"\ncount: ');
    const items = taskItems(r.stdout);
    expect(items.length).toBeGreaterThan(0);
    expect(items.length).toBeLessThan(100);
    const count = Number(/\ncount: (\d+)\n/.exec(r.stdout)![1]);
    expect(items).toHaveLength(count);
    // The search's own result, in library order.
    const csv = parseCsv((await run(['export', 'linear', 'attention', '--format', 'csv'])).stdout, { columns: true }) as Array<{ title: string }>;
    expect(csv.map((row) => row.title)).toEqual(items.map((i) => i.title));
    const bad = await run(['export', 'title:"linear']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^papers: query: /);
    const none = await run(['export', '--tag', 'no-such-tag', '--format', 'csv']);
    expect(none.stdout.split('\r\n')).toEqual([expect.stringMatching(/^id,title,/), '']);
  });

  it('rejects an unknown format with a usage error', async () => {
    const { run } = sandbox();
    const r = await run(['export', '--format', 'docx']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^papers: .*docx.*/);
    expect(r.stdout).toBe('');
  });

  it('round trip: tick two boxes and write a note in the exported file, import it, and only that changes', async () => {
    const { dir, run } = sandbox();
    const file = join(dir, 'reading-list.md');
    const w = await run(['export', '-o', file]);
    expect(w.code, w.stderr).toBe(0);
    expect(w.stderr).toContain('wrote 100 papers to');
    const before = await libraryState(run);
    const text = readFileSync(file, 'utf8');
    const lines = text.split('\n');
    const items = lines.flatMap((l, i) => (l.startsWith('- [ ] ') ? [i] : []));
    const [a, b, c] = [items[3]!, items[10]!, items[20]!];
    const idOf = (i: number) => /papers:id=(\S+)/.exec(lines[i]!)![1]!;
    // As an editor would: tick two boxes, type a note line under a third item.
    lines[a] = lines[a]!.replace('- [ ] ', '- [x] ');
    lines[b] = lines[b]!.replace('- [ ] ', '- [x] ');
    lines.splice(c + 1, 0, '  Read section 3 first: the *ablation* matters.');
    writeFileSync(file, lines.join('\n'));

    // Exporting over the edited list before importing it would lose the edits: refused.
    const over = await run(['export', '-o', file]);
    expect(over.code).toBe(2);
    expect(over.stderr).toMatch(/^papers: -o .*reading-list\.md: has edits not imported yet \(2 marked read, 1 note\); nothing written\. Run 'papers import /);
    expect(readFileSync(file, 'utf8')).toBe(lines.join('\n'));

    const imp = await run(['import', file]);
    expect(imp.code, imp.stderr).toBe(0);
    expect(imp.stdout).toContain('2 marked read, 1 note set');

    const after = await libraryState(run);
    const changed = new Map([
      [idOf(a), { tags: ['read'], note: null }],
      [idOf(b), { tags: ['read'], note: null }],
      [idOf(c), { tags: [], note: 'Read section 3 first: the *ablation* matters.' }],
    ]);
    expect(after.map((p) => p.id)).toEqual(before.map((p) => p.id));
    after.forEach((p, i) => {
      const expected = changed.get(p.id) ?? { tags: before[i]!.tags, note: before[i]!.note };
      expect({ id: p.id, tags: p.tags, note: p.note }).toEqual({ id: p.id, ...expected });
    });

    // The same file again changes nothing; a fresh export shows the ticks and the note.
    expect((await run(['import', file])).stdout).toContain('nothing changed');
    const again = await run(['export', '--tag', 'read']);
    expect(taskItems(again.stdout).map((i) => i.ticked)).toEqual([true, true]);
    expect((await run(['export'])).stdout).toContain('\n  Read section 3 first: the *ablation* matters.\n');
    // Imported, the edits are in the library: the list may be replaced now.
    expect((await run(['export', '-o', file])).code).toBe(0);
  });

  it('round trip: unticking a box that was exported ticked removes read', async () => {
    const { dir, run } = sandbox();
    const file = join(dir, 'list.md');
    const first = await run(['export', '-o', file]);
    expect(first.code, first.stderr).toBe(0);
    const lines = readFileSync(file, 'utf8').split('\n');
    const i = lines.findIndex((l) => l.startsWith('- [ ] '));
    const id = /papers:id=(\S+)/.exec(lines[i]!)![1]!;
    lines[i] = lines[i]!.replace('- [ ] ', '- [x] ');
    writeFileSync(file, lines.join('\n'));
    expect((await run(['import', file])).code).toBe(0);
    // Export again (now ticked), untick it: read goes.
    expect((await run(['export', '-o', file])).code).toBe(0);
    const ticked = readFileSync(file, 'utf8');
    expect(ticked).toContain(`<!-- papers:id=${id} ticked -->`);
    writeFileSync(file, ticked.replace(/- \[x\] (.*papers:id=\S+ ticked)/, '- [ ] $1'));
    const imp = await run(['import', file]);
    expect(imp.stdout).toContain('1 marked unread');
    expect((await libraryState(run)).find((p) => p.id === id)!.tags).toEqual([]);
  });

  it('import refuses an unrelated Markdown file with a clear message and changes nothing', async () => {
    const { dir, run } = sandbox();
    const file = join(dir, 'notes.md');
    writeFileSync(file, '# My reading notes\n\n- [ ] a paper I liked\n- [x] another one\n\nSome thoughts.\n');
    const r = await run(['import', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^papers: .*notes\.md: not a papers reading list .*nothing imported/m);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(existsSync(join(dir, 'library'))).toBe(false);
  });

  it('-o refuses to replace a file papers did not write, unless --force', async () => {
    const { dir, run } = sandbox();
    const file = join(dir, 'precious.md');
    writeFileSync(file, '# hand-written, keep me\n');
    const r = await run(['export', '-o', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^papers: -o .*precious\.md: exists and was not written by papers; .*--force/);
    expect(readFileSync(file, 'utf8')).toBe('# hand-written, keep me\n');
    const forced = await run(['export', '-o', file, '--force']);
    expect(forced.code, forced.stderr).toBe(0);
    expect(taskItems(readFileSync(file, 'utf8'))).toHaveLength(100);
    // papers' own file (in any format) is replaced without --force; the extension picks the format.
    const bib = join(dir, 'refs.bib');
    expect((await run(['export', '-o', bib])).code).toBe(0);
    expect(readFileSync(bib, 'utf8').startsWith('% generator: papers')).toBe(true);
    expect((await run(['export', '-o', bib, '--tag', 'read'])).code).toBe(0);
    expect(readFileSync(bib, 'utf8')).not.toContain('@misc');
  });

  it('-o writes atomically: killed halfway through writing it, the old file is intact', async () => {
    const { dir, env, run } = sandbox();
    const file = join(dir, 'list.md');
    expect((await run(['export', '-o', file, '--abstracts', 'none'])).code).toBe(0);
    const old = readFileSync(file, 'utf8');
    const hooks = hookEnv(env, 'write-midway:kill');
    expect((await start(['export', '-o', file, '--abstracts', 'full'], hooks.env).done).signal).toBe('SIGKILL');
    // the marker names the file the process was writing when it died
    const pid = await reached(hooks.dir, 'write-midway');
    expect(readFileSync(join(hooks.dir, `write-midway.${pid}`), 'utf8')).toBe(file);
    expect(readFileSync(file, 'utf8')).toBe(old);
  });
});

// Interest ranking, `papers why`, `papers similar` and `papers rules` through the built binary, on
// the bundled seed in a temporary library. Papers are chosen by keyword filters, not by id.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { run as papers } from './run-in-process.js';

interface ListedPaper {
  id: string;
  title: string;
  abstract: string;
  tags: string[];
}

function sandbox() {
  const dir = mkdtempSync(join(tmpdir(), 'papers-rank-'));
  const env = { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1', PAPERS_HOME: join(dir, 'lib'), XDG_CONFIG_HOME: join(dir, 'config'), PAPERS_CONFIG: '' };
  const run = (...args: string[]) => papers(args, env);
  const ok = async (...args: string[]) => {
    const r = await run(...args);
    expect(r.code, `papers ${args.join(' ')}: ${r.stderr}`).toBe(0);
    return r;
  };
  const list = async (...args: string[]) => JSON.parse((await ok('list', '--json', ...args)).stdout) as ListedPaper[];
  return { dir, run, ok, list };
}

const text = (p: ListedPaper) => `${p.title} ${p.abstract}`;

describe('papers similar', () => {
  it('puts other linear-attention papers first for Gated Linear Attention', async () => {
    const { ok, list } = sandbox();
    const papers = await list();
    const gla = papers.find((p) => p.title.startsWith('Gated Linear Attention'))!;
    const found = JSON.parse((await ok('similar', gla.id, '-n', '3', '--json')).stdout) as Array<{ id: string; title: string; score: number }>;
    expect(found).toHaveLength(3);
    const linear = (p: ListedPaper) => /linear (self-)?attention|linear transformer|linear recurren|linearizing/i.test(text(p));
    for (const s of found) expect(linear(papers.find((p) => p.id === s.id)!), s.title).toBe(true);
    expect(found[0]!.score).toBeGreaterThan(found[2]!.score);
    const plain = (await ok('similar', gla.id.slice(0, 6), '-n', '2')).stdout.trim().split('\n');
    expect(plain[0]).toMatch(new RegExp(`^1  0\\.\\d{3}  ${found[0]!.id}  `));
  });

  it('rejects a bad count and an unknown paper', async () => {
    const { run } = sandbox();
    expect((await run('similar', 'nosuchpaper')).code).toBe(2);
    const r = await run('similar', 'x', '-n', '0');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--limit 0/);
  });
});

describe('papers list --sort interest and papers why', () => {
  it('falls back with a message while there are too few tags', async () => {
    const { run, list } = sandbox();
    const r = await run('list', '--sort', 'interest', '--plain', '-n', '3');
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/at least 2 papers tagged to-read\/read and 2 tagged skip \(you have 0 and 0\)/);
    expect(r.stdout.trim().split('\n')).toHaveLength(3);
    const one = (await list())[0]!;
    const why = await run('why', one.id);
    expect(why.code).toBe(0);
    expect(why.stdout).toMatch(/you have 0 and 0/);
  });

  it('learns from to-read and skip tags: the other quantization papers lead the untriaged list', async () => {
    const { ok, list } = sandbox();
    const papers = await list();
    const quant = papers.filter((p) => /quantiz|low-bit/i.test(p.title));
    const unrelated = papers.filter((p) => !/quantiz|low-bit|compress|pruning/i.test(text(p))).slice(0, 8);
    const half = Math.ceil(quant.length / 2);
    const heldOut = quant.slice(half);
    await ok('tag', ...quant.slice(0, half).map((p) => p.id), '+to-read');
    await ok('tag', ...unrelated.map((p) => p.id), '+skip');
    const r = await ok('list', '--sort', 'interest', '--json', '--tag', 'untriaged');
    expect(r.stderr).toBe('');
    const ranked = JSON.parse(r.stdout) as ListedPaper[];
    expect(ranked).toHaveLength(papers.length - half - unrelated.length);
    const top = new Set(ranked.slice(0, 2 * heldOut.length).map((p) => p.id));
    for (const p of heldOut) expect(top.has(p.id), p.title).toBe(true);

    // why: the terms named occur in the paper; the tagged papers most like it are listed.
    const first = ranked[0]!;
    const why = JSON.parse((await ok('why', first.id, '--json')).stdout) as { mode: string; place: number; up: Array<{ term: string }>; like: Array<{ id: string; tags: string[] }> };
    expect(why.mode).toBe('model');
    expect(why.place).toBe(1);
    expect(why.up.length).toBeGreaterThan(0);
    const words = ` ${text(first).toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
    for (const t of why.up) expect(words, t.term).toContain(` ${t.term} `);
    expect(why.like[0]!.tags).toContain('to-read');
    const human = (await ok('why', first.id)).stdout;
    expect(human).toMatch(/^row 1 of \d+ in "papers list --sort interest"/m);
    expect(human).toContain(`pushed up by:\n  ${why.up[0]!.term} `);
  });

  it('sorts by title, date and upvotes too, and rejects an unknown order', async () => {
    const { run, list } = sandbox();
    const titles = (await list('--sort', 'title')).map((p) => p.title);
    expect(titles).toEqual([...titles].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })));
    const r = await run('list', '--sort', 'hotness');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--sort hotness: unknown order; one of library, interest, date, upvotes, title/);
  });
});

describe('papers rules', () => {
  it('test shows what a rules file would tag and changes nothing', async () => {
    const { dir, ok, list } = sandbox();
    const file = join(dir, 'rules.yaml');
    writeFileSync(file, '- {query: "quantization | low-bit", tags: [quant]}\n- query: "title:diffusion"\n  tags: [diffusion, gen]\n');
    const report = JSON.parse((await ok('rules', 'test', file, '--json')).stdout) as { rules: Array<{ line: number; matches: Array<{ id: string; add: string[] }> }> };
    const papers = await list();
    // The search language matches words and their typos, so compare with a loose and a strict filter.
    const matched = new Set(report.rules[0]!.matches.map((m) => m.id));
    const quantIds = matched;
    expect(report.rules.map((r) => r.line)).toEqual([1, 2]);
    for (const p of papers) {
      if (/\bquantization\b|\blow-bit\b/i.test(text(p))) expect(matched.has(p.id), p.title).toBe(true);
      if (matched.has(p.id)) expect(text(p), p.title).toMatch(/quanti|low.?bit/i);
    }
    expect(matched.size).toBeLessThan(papers.length / 4);
    for (const m of report.rules[1]!.matches) {
      expect(papers.find((p) => p.id === m.id)!.title).toMatch(/diffusion/i);
      expect(m.add).toEqual(['diffusion', 'gen']);
    }
    const human = (await ok('rules', 'test', file)).stdout;
    expect(human).toMatch(new RegExp(`^rule 1 \\(.*rules\\.yaml:1\\) "quantization \\| low-bit" \\+quant: ${quantIds.size} papers$`, 'm'));
    expect(human).toMatch(/nothing was changed/);
    expect((await list()).every((p) => p.tags.length === 0)).toBe(true);
  });

  it('reports a bad rules file at file:line and exits 2', async () => {
    const { dir, run } = sandbox();
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, '- {query: x, tags: [a]}\n- query: "linear nope:x"\n  tags: [b]\n');
    const r = await run('rules', 'test', file);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/bad\.yaml:2:\d+: rule 2: query "linear nope:x": /);
  });

  it('applies the rules in force to the papers an import adds', async () => {
    const { dir, ok, list } = sandbox();
    mkdirSync(join(dir, 'config', 'papers'), { recursive: true });
    writeFileSync(join(dir, 'config', 'papers', 'rules.yaml'), '- {query: "quantization | low-bit", tags: [quant]}\n');
    const seed = fileURLToPath(new URL('../../seeds/000_8fc7cc936e25f888.txt', import.meta.url));
    const r = await ok('import', seed);
    expect(r.stdout).toMatch(/^rules: tagged \d+ papers \+quant/m);
    const papers = await list();
    const tagged = papers.filter((p) => p.tags.includes('quant'));
    expect(r.stdout).toContain(`rules: tagged ${tagged.length} papers +quant`);
    for (const p of papers) if (/\bquantization\b/i.test(text(p))) expect(p.tags, p.title).toContain('quant');
    for (const p of tagged) expect(text(p), p.title).toMatch(/quanti|low.?bit/i);
    expect((await ok('rules', 'list')).stdout).toMatch(/rules\.yaml: 1 rule\n  line 1: "quantization \| low-bit" \+quant/);
  });
});

// The data-file formats through the built program (`node scripts/build.mjs` first): each real sample
// gives its papers, and config-like JSON, YAML and CSV give "no papers found" with a non-zero exit.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { run } from '../../cli/run-in-process.js';

const CORPORA = fileURLToPath(new URL('../../fixtures/corpora/', import.meta.url));

function papers(args: string[], cwd: string) {
  const home = mkdtempSync(join(tmpdir(), 'papers-data-'));
  const env = { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1', PAPERS_HOME: home, XDG_DATA_HOME: home, XDG_CONFIG_HOME: home, HOME: home };
  return run(args, env, undefined, cwd);
}

describe('data files through papers parse', () => {
  it('reads each real data sample in its format', async () => {
    const r = await papers(['parse', 'scraper-json-1.json', 'scraper-json-3.json', 'jsonl-1.jsonl', 'csv-1.csv', 'yaml-1.yaml'], CORPORA);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').map((l) => l.replace(/ \(.*\)$/, ''))).toEqual([
      'scraper-json-1.json: json-records, 120 papers found',
      'scraper-json-3.json: json-records, 32 papers found',
      'jsonl-1.jsonl: jsonl, 13 papers found',
      'csv-1.csv: csv, 40 papers found',
      'yaml-1.yaml: yaml, 5 papers found',
      '',
    ]);
  });

  const configs: Record<string, string> = {
    'package.json': JSON.stringify({ name: 'tool', version: '1.0.0', description: 'A tool', author: 'Ann Lee', repository: { url: 'https://github.com/a/b' } }, null, 2),
    'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, target: 'ES2022' }, include: ['src'] }, null, 2),
    'stats.json': JSON.stringify({ total: 13, by_category: { 'cs.CL': 5 }, daily: [{ date: '2025-01-01', count: 3 }] }),
    '_config.yml': 'title: My Blog\nauthor: Ann Lee\nurl: "https://ann.github.io"\ndescription: >-\n  A blog about papers.\n',
    'deps.csv': 'name,version,license\nyaml,2.8.0,ISC\n',
  };
  for (const [name, text] of Object.entries(configs)) {
    it(`${name}: no papers found, exit 2`, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'papers-config-'));
      writeFileSync(join(dir, name), text);
      const r = await papers(['parse', name], dir);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`${name}: no papers found`);
      expect(r.stdout).toMatch(/, 0 papers found/);
    });
  }
});

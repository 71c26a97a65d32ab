// `papers export --format csv`: formulas defused by default, exactly as written with --csv-raw.
import { rmSync } from 'node:fs';
import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { papersPiped, sandbox, writeDigest } from './terminal-run.js';

const FORMULA = '=HYPERLINK("http://evil.example","Click me")';
let dir: string;
let env: NodeJS.ProcessEnv;

beforeAll(() => {
  ({ dir, env } = sandbox());
  const file = writeDigest(dir, 'formula.json', [{ id: '2501.00001', title: FORMULA, authors: ['@attacker'] }]);
  expect(papersPiped(['import', file], env).status).toBe(0);
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

it('defuses formula cells by default and keeps them with --csv-raw', () => {
  const defused = papersPiped(['export', '--format', 'csv'], env);
  expect(defused.status).toBe(0);
  const [row] = parseCsv(defused.stdout, { columns: true }) as Array<Record<string, string>>;
  expect(row).toMatchObject({ title: `'${FORMULA}`, authors: "'@attacker" });

  const raw = papersPiped(['export', '--format', 'csv', '--csv-raw'], env);
  expect(raw.status).toBe(0);
  const [rawRow] = parseCsv(raw.stdout, { columns: true }) as Array<Record<string, string>>;
  expect(rawRow).toMatchObject({ title: FORMULA, authors: '@attacker' });
});

it('refuses --csv-raw for another format', () => {
  const r = papersPiped(['export', '--format', 'md', '--csv-raw'], env);
  expect(r.status).toBe(2);
  expect(r.stderr).toContain('--csv-raw only applies with --format csv');
});

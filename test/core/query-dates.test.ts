// One date grammar: the --since/--until flags, the query fields since:/until: (CLI and rules) and
// the UI's live filter read the same dates to the same days, from the same "today".
import { describe, expect, it } from 'vitest';
import { DATE_FORMS, parseDate } from '../../src/core/dates.js';
import { parseDateFlag } from '../../src/core/filter.js';
import { asLibraryPapers } from '../../src/core/library.js';
import { emptyPaper } from '../../src/core/model.js';
import { compileQuery, type Term } from '../../src/core/query/index.js';
import { parseRules } from '../../src/core/rank/rules.js';
import { createSearchFilter } from '../../src/ui/adapters.js';
import * as YAML from 'yaml';

const TODAY = '2025-03-12';
const VALUES = ['2025', '2025-03', '2025-02-28', '2024-02', 'today', 'Yesterday', '7d', '2w', '1m', '13m', '0d'];
const BAD = ['2025-02-30', '2025-13', '7x', 'soon', '25-03-01', ''];

function fieldDate(field: 'since' | 'until', value: string, today = TODAY): string | null {
  const compiled = compileQuery(`${field}:${value}`, { today });
  if (!compiled.ok) return null;
  const term = compiled.query.groups[0]!.clauses[0]!.term as Extract<Term, { kind: 'since' | 'until' }>;
  return term.date;
}

describe('one date grammar', () => {
  it('reads each form to the expected day', () => {
    expect(VALUES.map((v) => parseDate(v, 'since', TODAY))).toEqual(['2025-01-01', '2025-03-01', '2025-02-28', '2024-02-01', '2025-03-12', '2025-03-11', '2025-03-05', '2025-02-26', '2025-02-12', '2024-02-12', '2025-03-12']);
    expect(parseDate('2024-02', 'until', TODAY)).toBe('2024-02-29');
    expect(parseDate('2025', 'until', TODAY)).toBe('2025-12-31');
    expect(parseDate('1m', 'since', '2025-03-31')).toBe('2025-02-28');
  });

  it('the flags and the query fields agree on every form, as since and as until', () => {
    for (const v of [...VALUES, ...BAD.filter((b) => b !== '')]) {
      for (const [flag, field] of [['--since', 'since'], ['--until', 'until']] as const) {
        let fromFlag: string | null;
        try {
          fromFlag = parseDateFlag(flag, v, TODAY);
        } catch {
          fromFlag = null;
        }
        expect(fromFlag, `${flag} ${v}`).toBe(fieldDate(field, v));
        expect(fromFlag, `${flag} ${v}`).toBe(parseDate(v, field, TODAY));
      }
    }
  });

  it('--since 2025-03 is accepted, as since:2025-03 is', () => {
    expect(parseDateFlag('--since', '2025-03', TODAY)).toBe('2025-03-01');
  });

  it('refuses what is not a date, with the forms it takes', () => {
    for (const v of BAD) expect(parseDate(v, 'since', TODAY), v).toBeNull();
    expect(() => parseDateFlag('--since', '7x', TODAY)).toThrow(`--since 7x: expected a date: ${DATE_FORMS}`);
    const compiled = compileQuery('since:7x', { today: TODAY });
    expect(compiled.ok).toBe(false);
    if (!compiled.ok) expect(compiled.error.message).toBe(`since:7x is not a date; write ${DATE_FORMS}`);
  });

  it('rules read relative dates from the same today', () => {
    const parsed = parseRules(YAML, '- {query: "since:7d", tags: [recent]}\n', 'rules.yaml', { today: TODAY });
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.rules[0]!.compiled.groups[0]!.clauses[0]!.term).toEqual({ kind: 'since', date: '2025-03-05' });
  });
});

describe('the UI filter', () => {
  const paper = (title: string, date: string) => ({ ...emptyPaper({ file: 'd.txt', line: 1 }), id: title.toLowerCase(), title, date });
  const papers = asLibraryPapers([paper('Old', '2025-02-01'), paper('Recent', '2025-03-10')], 'd', '2025-03-12T00:00:00Z');
  const snapshot = { papers, decisions: new Map(), latestDigest: 'd' };

  it('accepts since:7d, counting from the today it is given', () => {
    const filter = createSearchFilter(undefined, { today: TODAY });
    const outcome = filter('since:7d', snapshot);
    expect(outcome).toMatchObject({ ok: true });
    if (outcome.ok) expect(outcome.hits.map((h) => papers[h.index]!.title)).toEqual(['Recent']);
  });

  it('runs saved searches, and names an unknown one', () => {
    const filter = createSearchFilter(undefined, { today: TODAY, searches: { fresh: 'since:2025-03' } });
    const outcome = filter('@fresh', snapshot);
    if (!outcome.ok) throw new Error(outcome.message);
    expect(outcome.hits.map((h) => papers[h.index]!.title)).toEqual(['Recent']);
    expect(filter('@stale', snapshot)).toMatchObject({ ok: false, message: expect.stringContaining('unknown saved search @stale; saved searches are @fresh') });
  });
});

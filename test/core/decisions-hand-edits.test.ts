// Hand edits of decisions.yaml: two keys naming one paper are reported, never merged with one
// entry lost; whatever the parser accepts survives papers' next write.
import { describe, expect, it } from 'vitest';
import { parseDecisions, serializeDecisions } from '../../src/core/decisions.js';
import * as YAML from 'yaml';

describe('hand edits', () => {
  it('reports ids that differ only by surrounding whitespace, with the line of each', () => {
    const text = '"2501.00011":\n  tags: [read]\n"2501.00011 ":\n  note: mine\n';
    const parsed = parseDecisions(() => YAML, text);
    expect(parsed).toEqual({ ok: false, error: { line: 3, column: 1, message: 'paper 2501.00011 has a second entry (the first is at line 1); join the two into one' } });
  });

  it('reports an exact duplicate key in our words, with its line', () => {
    const parsed = parseDecisions(() => YAML, 'a:\n  tags: [x]\na:\n  note: y\n');
    expect(parsed).toMatchObject({ ok: false, error: { line: 3, column: 1, message: expect.stringContaining('appears twice') } });
  });

  it('reports a field or a tag given twice inside one entry, at the first repeat in the file', () => {
    const twice = (text: string) => parseDecisions(() => YAML, text);
    expect(twice('a:\n  tags: [x]\n  note: y\n  tags: [z]\n')).toMatchObject({ ok: false, error: { line: 4, column: 3, message: expect.stringContaining('appears twice') } });
    expect(twice('a:\n  tags:\n    x: 2025-01-01T00:00:00Z\n    x: 2025-02-01T00:00:00Z\nb:\n  note: n\nb:\n  note: m\n')).toMatchObject({ ok: false, error: { line: 4, column: 5 } });
  });

  it('keeps every entry and every note text written by hand through a write', () => {
    const hand = [
      '# my notes',
      '2501.00011:',
      '  tags: [read, ml]',
      '  note: a bare note, with "quotes" and a colon:inside',
      "' 2501.00012':",
      '  note:',
      '    text: |',
      '      two lines',
      '      of text',
      '2501.00013:',
      '  tags:',
      '    to-read: yes',
      'hf:some-title:',
      '  note: "tab\\there, nul \\0 and bidi \\u202e kept"',
    ].join('\n');
    const first = parseDecisions(() => YAML, hand);
    if (!first.ok) throw new Error(first.error.message);
    const again = parseDecisions(() => YAML, serializeDecisions(first.decisions));
    if (!again.ok) throw new Error(again.error.message);
    expect([...again.decisions]).toEqual([...first.decisions]);
    expect([...first.decisions.keys()].sort()).toEqual(['2501.00011', '2501.00012', '2501.00013', 'hf:some-title']);
    expect(first.decisions.get('2501.00012')!.note!.text).toBe('two lines\nof text\n');
  });
});

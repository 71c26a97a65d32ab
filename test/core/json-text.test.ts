// jsonText and jsonMembers write what JSON.stringify(value, null, 2) writes, at any depth.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonMembers, jsonText } from '../../src/core/json-text.js';

const indented = (text: string, indent: string) => text.replace(/\n/g, `\n${indent}`);

describe('jsonText', () => {
  it('is JSON.stringify with an indent of 2, nested at any depth', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.nat(4), (value, depth) => {
        const indent = '  '.repeat(depth);
        expect(jsonText(value, indent)).toBe(indented(JSON.stringify(value, null, 2), indent));
      }),
    );
  });

  it('leaves out or nulls what JSON does, and calls toJSON', () => {
    const value = { a: undefined, b: [undefined, () => 1, Symbol('s')], c: new Date(0), d: { toJSON: () => ({ e: [1] }) }, f: NaN, g: new String('x'), h: [] as unknown[], i: {} };
    expect(jsonText(value)).toBe(JSON.stringify(value, null, 2));
    expect(jsonText(undefined)).toBe('null');
  });

  it('writes the members of an object without its braces', () => {
    const value = { id: 'x', list: ['a\u2028"b"'], nested: { n: 1 } };
    expect(`{\n    ${jsonMembers(value, '    ')}\n  }`).toBe(indented(JSON.stringify(value, null, 2), '  '));
    expect(jsonMembers({ skipped: undefined }, '  ')).toBe('');
  });
});

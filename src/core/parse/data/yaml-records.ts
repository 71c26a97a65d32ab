// YAML dumps of paper records (PyYAML's dump of arXiv API results: `papers: [{title, authors,
// summary, link, published}]`), read with the yaml package, which also unfolds PyYAML's folded
// and double-quoted long titles. Aliases may expand only so far (a few lines of anchors can
// otherwise stand for billions of nodes).
import type { YamlModule } from '../../yaml-codec.js';
import type { ParseOptions } from '../../model.js';
import { dataFormat, type Collector } from './collect.js';
import { findRecords } from './find-records.js';
import { EXPECTED_RECORDS } from './json-records.js';
import type { Json } from './json-text.js';
import { yamlProbe } from './data-detect.js';

/** The yaml package reads a few MB a second: more than this is no digest, and would stall. */
const MAX_YAML_BYTES = 20 * 1024 * 1024;
/** More nesting than any dump has; the yaml package composes nested collections recursively. */
const MAX_FLOW_DEPTH = 64;
const MAX_ALIAS_COUNT = 100;

/** The deepest nesting of flow brackets, stopping once past the limit; quotes are not tracked (a bound, not a parse). */
function flowDepthOver(text: string, limit: number): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 91 || c === 123) {
      if (++depth > limit) return true;
    } else if ((c === 93 || c === 125) && depth > 0) depth--;
  }
  return false;
}

/** A yaml error's own words, without the source excerpt it appends. */
const firstWords = (message: string) =>
  message
    .split('\n')[0]!
    .replace(/ at line \d+, column \d+:?$/, '')
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, '')
    .slice(0, 120);

function readDocuments(yaml: YamlModule, text: string, out: Collector): void {
  const { LineCounter, parseAllDocuments, visit } = yaml;
  const lineCounter = new LineCounter();
  const parsed = parseAllDocuments(text, { lineCounter, uniqueKeys: false });
  const docs = Array.isArray(parsed) ? parsed : [];
  for (const doc of docs) {
    const error = doc.errors[0];
    if (error) {
      const at = error.linePos?.[0];
      out.fail(at?.line ?? 0, `not valid YAML${at ? ` at line ${at.line}, column ${at.col}` : ''}: ${firstWords(error.message)}`);
      return;
    }
    const objectLines: number[] = [];
    const stringLines: number[] = [];
    const lineOf = (range: readonly number[] | null | undefined) => (range ? lineCounter.linePos(range[0]!).line : 0);
    visit(doc, {
      Map(_, node) {
        objectLines.push(lineOf(node.range));
      },
      Scalar(key, node) {
        if (key !== 'key' && typeof node.value === 'string') stringLines.push(lineOf(node.range));
      },
    });
    let value: Json;
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) as Json;
    } catch {
      out.fail(0, `its aliases expand to more than ${MAX_ALIAS_COUNT} copies; a digest has no need of that, so it is not read`);
      return;
    }
    findRecords(value, { object: (n) => objectLines[n], string: (n) => stringLines[n] }, 1, 'ref', out);
  }
}

function read(text: string, out: Collector, options: ParseOptions): void {
  if (flowDepthOver(text, MAX_FLOW_DEPTH)) out.fail(0, `brackets nested more than ${MAX_FLOW_DEPTH} deep; not a YAML dump of papers`);
  else if (!options.yaml) out.fail(0, 'no YAML reader was given to this parse');
  else {
    try {
      readDocuments(options.yaml(), text, out);
    } catch {
      // the yaml package throws on input beyond its limits (stack depth): the file is refused, not the program
      out.fail(0, 'not YAML that can be read (too deeply nested?); save it as JSON lines');
    }
  }
}

export const yamlRecords = dataFormat({
  ...yamlProbe,
  expected: EXPECTED_RECORDS,
  limit: { bytes: MAX_YAML_BYTES, what: 'YAML', advice: 'split it, or save it as JSON lines' },
  read,
});

// Tests call the code directly, where the program loads these before their first use: the digest
// parsers (io/parsers.ts) and string-width (core/text/columns.ts).
import { loadTextWidth } from '../../src/core/text/columns.js';
import { loadParsers } from '../../src/io/parsers.js';

await loadParsers();
await loadTextWidth();

// Tests call the code directly, where the program loads these before their first use: the digest
// parsers (io/parsers.ts) and string-width (core/text/columns.ts).
import { loadTextWidth } from '../../src/core/text/columns.js';
import { loadParsers } from '../../src/io/parsers.js';

await loadParsers();
await loadTextWidth();

// chalk's default instance (which Ink and the UI's styles use) reads FORCE_COLOR when first
// imported. Files share a worker's modules, and an in-process CLI run with colour on may be the
// first to import chalk, inside an environment of its own: import it here, under the suite's
// FORCE_COLOR=0, so every file sees the same level.
await import('chalk');

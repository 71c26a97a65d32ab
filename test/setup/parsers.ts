// Tests call the io code directly, where the program loads the parsers before a parse (io/parsers.ts).
import { loadParsers } from '../../src/io/parsers.js';

await loadParsers();

// `--json` of a whole library written paper by paper, byte for byte what toJson prints, waiting
// for stdout to drain when it is slower than the database: memory stays flat however large the
// library.
import { once } from 'node:events';
import type { LibraryPaper, Snapshot } from '../core/library.js';
import { jsonRecord } from './render/paper-rows.js';

const CHUNK = 1 << 16;

/** Writes the papers as toJson's array; returns the ids written. */
export async function streamJson(papers: Iterable<LibraryPaper>, decisions: Snapshot['decisions'], out: NodeJS.WritableStream = process.stdout): Promise<string[]> {
  const ids: string[] = [];
  let chunk = '';
  const flush = async () => {
    if (chunk !== '' && !out.write(chunk)) await once(out, 'drain');
    chunk = '';
  };
  for (const p of papers) {
    chunk += `${ids.length === 0 ? '[\n  ' : ',\n  '}${JSON.stringify(jsonRecord(p, decisions), null, 2).replace(/\n/g, '\n  ')}`;
    ids.push(p.id);
    if (chunk.length >= CHUNK) await flush();
  }
  chunk += ids.length === 0 ? '[]\n' : '\n]\n';
  await flush();
  return ids;
}

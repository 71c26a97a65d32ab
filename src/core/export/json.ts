// JSON export: the papers as `papers list --json` prints them (every field, tags, note), wrapped in an
// object that says what was exported and that papers wrote it.
import { escapeControls } from '../text/terminal-safe.js';
import type { ExportEntry, ExportMeta } from './types.js';

export const JSON_GENERATOR = 'papers';

export function formatJson(entries: readonly ExportEntry[], meta: ExportMeta): string {
  const doc = {
    generator: JSON_GENERATOR,
    generated: meta.generated,
    query: meta.query,
    filterTags: meta.tags,
    filterNotTags: meta.notTags,
    count: entries.length,
    papers: entries.map((e) => ({ ...e.paper, tags: e.tags, note: e.note })),
  };
  // Controls JSON.stringify leaves raw (DEL, C1, bidi) escaped too: the same data, safe to cat.
  return `${escapeControls(JSON.stringify(doc, null, 2))}\n`;
}

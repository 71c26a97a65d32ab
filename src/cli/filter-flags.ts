// The library filter flags shared by `papers list`, export and friends: --tag, --not-tag, --new,
// --since, --until, --digest. Turns them into a core PaperFilter.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { Option, type Command } from 'commander';
import { usageError } from '../core/errors.js';
import { localToday } from '../io/clock.js';
import { NO_FILTER, parseDateFlag, type PaperFilter } from '../core/filter.js';
import { digestNames, readHeads, sha256 } from '../io/digest-store.js';

export interface FilterOptions {
  tag?: string[];
  notTag?: string[];
  new?: boolean;
  since?: string;
  until?: string;
  digest?: string[];
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** Adds the filter flags to a command. */
export function addFilterOptions(command: Command): Command {
  return command
    .addOption(new Option('--tag <tag>', 'only papers with this tag, in any case (repeatable: all must hold; virtual tags new, seen, untriaged too)').argParser(collect))
    .addOption(new Option('--not-tag <tag>', 'leave out papers with this tag (repeatable)').argParser(collect))
    .option('--new', 'only papers first seen in the latest import (the virtual tag new)')
    .option('--since <date>', 'only papers seen in a digest dated on or after DATE (2025-03-12, yesterday, 7d, 2w)')
    .option('--until <date>', 'only papers seen in a digest dated on or before DATE')
    .addOption(new Option('--digest <file>', 'only papers seen in this digest (its file, name as imported, or hash prefix; repeatable)').argParser(collect));
}

/** Digest hashes a --digest value names: a file on disk (by content), a recorded file name, or a hash prefix. */
function resolveDigest(value: string, libraryDir: string): string[] {
  if (existsSync(value) && statSync(value).isFile()) return [sha256(readFileSync(value))];
  const lower = value.toLowerCase();
  if (/^[0-9a-f]{6,64}$/.test(lower)) {
    const hits = digestNames(libraryDir).filter((d) => d.startsWith(lower));
    if (hits.length > 0) return hits;
  }
  const byName = readHeads(libraryDir).filter((m) => m.file === value || basename(m.file) === value);
  if (byName.length > 0) return byName.map((m) => m.digest);
  throw usageError(`--digest ${value}: no such file, and no imported digest has this name or hash; see "papers show" for where a paper was seen`);
}

/** The PaperFilter the flags describe; `libraryDir` resolves --digest. */
export function filterFromOptions(options: FilterOptions, libraryDir: string, today = localToday()): PaperFilter {
  const tags = [...(options.tag ?? []), ...(options.new ? ['new'] : [])];
  const notTags = options.notTag ?? [];
  for (const t of [...tags, ...notTags]) if (t.trim() === '' || /[\s,]/.test(t)) throw usageError(`--tag ${t}: a tag is one word (letters, digits, - _ . : / @)`);
  if (tags.length === 0 && notTags.length === 0 && !options.since && !options.until && !options.digest) return NO_FILTER;
  const since = options.since ? parseDateFlag('--since', options.since, today) : null;
  const until = options.until ? parseDateFlag('--until', options.until, today) : null;
  if (since !== null && until !== null && since > until) throw usageError(`--since ${since} is after --until ${until}; swap them`);
  const digests = options.digest ? [...new Set(options.digest.flatMap((d) => resolveDigest(d, libraryDir)))] : null;
  return { tags, notTags, since, until, digests };
}

// The checks of `papers doctor`: raw digests present and matching their hashes, decisions.yaml
// valid, derived caches consistent with the digests and decisions.yaml, no stale lock.
// Reads only; repairs are in rebuild.ts.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { parseDecisions, type Decisions } from '../core/decisions.js';
import type { Decision } from '../core/library.js';
import { digestNames, digestTextPath, digestsDir, readMeta, sha256 } from './digest-store.js';
import { openDatabaseFile } from './db/connection.js';
import { entriesInTables, tableVersion } from './db/decision-table.js';
import { digestHashes, readAllPapers } from './db/read.js';
import { lockPath, readLock, staleReason } from './lock.js';
import { papersFromDigests, type FromDigests } from './rebuild.js';
import { yaml } from './yaml.js';

export type Severity = 'ok' | 'warning' | 'problem';

export interface Finding {
  severity: Severity;
  /** What was checked: a file or folder relative to the library, or "lock". */
  subject: string;
  message: string;
  /** Whether `papers doctor --repair` fixes it. */
  repairable: boolean;
}

export interface CheckProgress {
  /** Called as digests are hashed and re-read; total is the number of digests. */
  step(phase: 'hashing' | 'rebuilding', done: number, total: number): void;
}

const ok = (subject: string, message: string): Finding => ({ severity: 'ok', subject, message, repairable: false });
const warning = (subject: string, message: string, repairable = false): Finding => ({ severity: 'warning', subject, message, repairable });
const problem = (subject: string, message: string, repairable: boolean): Finding => ({ severity: 'problem', subject, message, repairable });

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

interface CheckResult {
  findings: Finding[];
  /** The papers as the digests give them (what the caches were compared with), for a repair to reuse. */
  built: FromDigests | null;
}

/** Every check; `built` skips re-reading the digests when the caller has just merged them. */
export function checkLibrary(dir: string, progress?: CheckProgress, built?: FromDigests): CheckResult {
  if (!existsSync(dir)) return { findings: [ok('.', `no library at ${dir} yet: nothing to check`)], built: null };
  const lock = checkLock(dir);
  const digests = checkDigests(dir, progress);
  const decisions = checkDecisions(dir);
  const merged = built ?? papersFromDigests(dir);
  return { findings: [lock, ...digests, ...decisions, ...checkDatabase(dir, merged)], built: merged };
}

function checkLock(dir: string): Finding {
  const lock = readLock(dir);
  if (!lock) return ok('lock', 'no lock held');
  const stale = staleReason(lock);
  if (stale) return problem('lock', `stale lock ${lockPath(dir)} (${stale}); --repair removes it`, true);
  const holder = lock.info ? `process ${lock.info.pid} on ${lock.info.host} since ${lock.info.time}` : 'a process';
  return warning('lock', `held by ${holder}, which is still running`);
}

function checkDigests(dir: string, progress?: CheckProgress): Finding[] {
  const findings: Finding[] = [];
  const names = digestNames(dir);
  let good = 0;
  names.forEach((digest, i) => {
    progress?.step('hashing', i, names.length);
    const rel = `digests/${digest}`;
    if (!readMeta(dir, digest)) {
      findings.push(problem(`${rel}.json`, 'unreadable or damaged: this import’s record is lost; re-import the digest file to restore it', false));
      return;
    }
    let bytes: Buffer;
    try {
      bytes = readFileSync(digestTextPath(dir, digest));
    } catch {
      findings.push(problem(`${rel}.txt`, 'missing: the raw digest is gone, so its papers cannot be rebuilt; re-import the digest file (or restore it from a backup)', false));
      return;
    }
    if (sha256(bytes) !== digest) {
      findings.push(problem(`${rel}.txt`, 'changed since it was imported (its content no longer matches its hash); restore the original or re-import it', false));
      return;
    }
    good++;
  });
  progress?.step('hashing', names.length, names.length);
  const recorded = new Set(names);
  let orphans: string[] = [];
  try {
    orphans = readdirSync(digestsDir(dir)).filter((f) => /^[0-9a-f]{64}\.txt$/.test(f) && !recorded.has(f.slice(0, 64)));
  } catch {
    /* no digests folder */
  }
  for (const f of orphans) findings.push(warning(`digests/${f}`, 'a digest without its record (an import was interrupted); import the file again to finish it'));
  if (names.length === 0) findings.push(ok('digests/', 'no digests imported yet'));
  else if (good === names.length) findings.push(ok('digests/', `${plural(good, 'digest')}, all present and matching their hashes`));
  return findings;
}

function checkDecisions(dir: string): Finding[] {
  const path = join(dir, 'decisions.yaml');
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    return [ok('decisions.yaml', 'no decisions yet')];
  }
  const parsed = parseDecisions(yaml, bytes.toString('utf8'));
  if (!parsed.ok) {
    const { line, column, message } = parsed.error;
    return [problem('decisions.yaml', `line ${line}:${column}: ${message}; fix it by hand (its previous version is in backup/decisions.yaml)`, false)];
  }
  const findings = [ok('decisions.yaml', `valid, ${plural(parsed.decisions.size, 'paper')} with decisions`), ...checkDecisionTables(dir, sha256(bytes), parsed.decisions)];
  const cachePath = join(dir, 'cache', 'decisions.json');
  if (!existsSync(cachePath)) return findings;
  let cache: { hash: string; decisions: Array<[string, Decision]> };
  try {
    cache = JSON.parse(readFileSync(cachePath, 'utf8'));
    if (typeof cache.hash !== 'string' || !Array.isArray(cache.decisions)) throw new Error('shape');
  } catch {
    findings.push(problem('cache/decisions.json', 'damaged; --repair removes it (it is rewritten from decisions.yaml)', true));
    return findings;
  }
  // A cache of an older decisions.yaml is simply ignored by every read; only one that claims to be current must agree.
  if (cache.hash === sha256(bytes) && !sameDecisions(new Map(cache.decisions), parsed.decisions)) {
    findings.push(problem('cache/decisions.json', 'disagrees with decisions.yaml; --repair removes it (it is rewritten from decisions.yaml)', true));
  }
  return findings;
}

/** The database's copy of decisions.yaml, when it claims to be of the file as it is, holds what the file holds. */
function checkDecisionTables(dir: string, hash: string, decisions: Decisions): Finding[] {
  const opened = openDatabaseFile(dir);
  if (opened.state !== 'ok') return []; // told by the database's own check
  try {
    const version = tableVersion(opened.db);
    if (version?.hash !== hash || sameDecisions(entriesInTables(opened.db, version).all(), decisions)) return [];
    return [problem('cache/papers.db', 'its copy of decisions.yaml disagrees with the file; --repair rebuilds it (from decisions.yaml, which it does not change)', true)];
  } catch (e) {
    return [problem('cache/papers.db', `its copy of decisions.yaml is unreadable (${(e as Error).message}); --repair rebuilds it`, true)];
  } finally {
    opened.db.close();
  }
}

function sameDecisions(a: Decisions, b: Decisions): boolean {
  return a.size === b.size && [...a].every(([k, v]) => isDeepStrictEqual(v, b.get(k)));
}

/** The database holds exactly what the digests give, and its full-text index matches its papers. */
function checkDatabase(dir: string, built: FromDigests): Finding[] {
  const subject = 'cache/papers.db';
  const opened = openDatabaseFile(dir);
  if (opened.state === 'missing') {
    if (built.digests.length === 0 && built.missing.length === 0) return [];
    return [problem('cache/', 'the database (cache/papers.db) is missing; --repair rebuilds it (reading the library also does)', true)];
  }
  if (opened.state === 'damaged') return [problem(subject, `damaged (${opened.reason}); --repair rebuilds it (reading the library also does)`, true)];
  if (opened.state !== 'ok') return [problem(subject, 'of an older version; --repair rebuilds it (reading the library also does)', true)];
  const { db } = opened;
  try {
    const digests = digestHashes(db);
    const missing = new Set(built.missing.map((m) => m.digest));
    const merged = digests.filter((d) => !missing.has(d));
    if (!isDeepStrictEqual(merged, built.digests)) {
      return [problem(subject, `built from ${plural(merged.length, 'digest')} but the library has ${built.digests.length} (or in another order); --repair rebuilds it`, true)];
    }
    const cached = readAllPapers(db);
    const differing = built.papers.length !== cached.length ? Math.abs(built.papers.length - cached.length) : built.papers.filter((p, i) => JSON.stringify(p) !== JSON.stringify(cached[i])).length;
    if (built.papers.length !== cached.length) return [problem(subject, `holds ${cached.length} papers where the digests give ${built.papers.length}; --repair rebuilds it`, true)];
    if (differing > 0) return [problem(subject, `${plural(differing, 'paper')} ${differing === 1 ? 'differs' : 'differ'} from what the digests give; --repair rebuilds it`, true)];
    try {
      db.prepare("INSERT INTO papers_fts(papers_fts, rank) VALUES ('integrity-check', 1)").run();
    } catch (e) {
      return [problem(subject, `its full-text index does not match its papers (${(e as Error).message}); --repair rebuilds it`, true)];
    }
    return [ok('cache/', `${plural(cached.length, 'paper')}, consistent with the digests`)];
  } catch (e) {
    return [problem(subject, `unreadable (${(e as Error).message}); --repair rebuilds it`, true)];
  } finally {
    db.close();
  }
}

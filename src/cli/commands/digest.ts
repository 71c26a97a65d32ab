// `papers digest [--since D] [--format md|json]`: the papers new in the library since a day (by
// default since the last `papers digest`), most interesting first, for a mail or a notes file.
import { Option, type Command } from 'commander';
import { parseDateFlag } from '../../core/filter.js';
import { DIGEST_FORMATS, digestEntries, formatDigestJson, formatDigestMarkdown, type DigestFormat } from '../../core/fetch/digest.js';
import { rankByInterest } from '../../core/rank/interest.js';
import { clockNow } from '../../io/fetch/clock.js';
import { readLastDigestRun, writeLastDigestRun } from '../../io/fetch/state.js';
import { interestOptions } from '../interest.js';
import { processOutput } from '../output.js';
import { openStore } from '../source.js';
import { localToday } from '../../io/clock.js';

interface DigestFlags {
  since?: string;
  format: DigestFormat;
}

export function register(program: Command): void {
  program
    .command('digest')
    .description('print the papers new in your library since a day, most interesting first (Markdown or JSON)')
    .option('--since <day>', 'papers imported on or after this day (default: since the last papers digest, else since yesterday)')
    .addOption(new Option('--format <format>', 'md or json').choices(DIGEST_FORMATS).default('md'))
    .addHelpText(
      'after',
      `
Each run remembers when it ran, so 'papers fetch -q && papers digest' in cron mails only what is
new since the last mail. The order is the interest ranking of 'papers list --sort interest'.

Examples:
  papers digest                          what came in since the last digest
  papers digest --since 7d >> notes.md   the last week, appended to a notes file
  papers digest --format json            the same for scripts`,
    )
    .action(async (flags: DigestFlags, command: Command) => {
      const output = processOutput();
      const now = clockNow();
      const store = await openStore(command);
      const last = readLastDigestRun(store.dir);
      const since = flags.since !== undefined ? `${parseDateFlag('--since', flags.since, localToday(now))}T00:00:00.000Z` : (last ?? `${parseDateFlag('--since', 'yesterday', localToday(now))}T00:00:00.000Z`);
      // The seed shown while the library is empty was never imported: nothing is new.
      const snapshot = store.showingSeed() ? { papers: [], decisions: new Map(), latestDigest: null } : store.snapshot();
      const ranking = rankByInterest(snapshot, interestOptions(command, snapshot, store));
      const entries = digestEntries(snapshot, ranking, since);
      const meta = { since, generated: now.toISOString(), order: ranking.reason };
      output.out(flags.format === 'json' ? formatDigestJson(entries, meta) : formatDigestMarkdown(entries, meta));
      if (!store.showingSeed()) writeLastDigestRun(store.dir, now.toISOString());
    });
}

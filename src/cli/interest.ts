// What interest ranking needs from outside the core: the positive and negative tag lists of the
// config, and which papers the rules file matches (they lead the order while there are too few tags).
import type { Command } from 'commander';
import type { Snapshot } from '../core/library.js';
import type { InterestOptions } from '../core/rank/interest.js';
import { applyRules } from '../core/rank/rules.js';
import type { LibraryStore } from '../io/library-store.js';
import { configOf } from './run-config.js';
import { defaultRules, queryMatcher } from './rules-run.js';

/** `snapshot` may be a getter, called only when the rules are applied. */
export function interestOptions(command: Command, snapshot: Snapshot | (() => Snapshot), store?: LibraryStore): InterestOptions {
  const { ranking } = configOf(command).config;
  const { rules } = defaultRules(command);
  const ruleMatches =
    rules.length === 0
      ? undefined
      : () => {
          const papers = typeof snapshot === 'function' ? snapshot() : snapshot;
          return new Set(applyRules(rules, papers.papers, papers, queryMatcher(papers)).map((c) => c.id));
        };
  return { positive: ranking.positive, negative: ranking.negative, ...(ruleMatches ? { ruleMatches } : {}) };
}

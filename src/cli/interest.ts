// What interest ranking needs from outside the core: the positive and negative tag lists of the
// config, and which papers the rules file matches (they lead the order while there are too few tags).
import type { Command } from 'commander';
import type { Snapshot } from '../core/library.js';
import type { InterestOptions } from '../core/rank/interest.js';
import { applyRules } from '../core/rank/rules.js';
import type { LibraryStore } from '../io/library-store.js';
import { configOf } from './run-config.js';
import { defaultRules, queryMatcher } from './rules-run.js';

export function interestOptions(command: Command, snapshot: Snapshot, store?: LibraryStore): InterestOptions {
  const { ranking } = configOf(command).config;
  const { rules } = defaultRules(command);
  const ruleMatches =
    rules.length === 0
      ? undefined
      : () => new Set(applyRules(rules, snapshot.papers, snapshot, queryMatcher(snapshot)).map((c) => c.id));
  return { positive: ranking.positive, negative: ranking.negative, ...(ruleMatches ? { ruleMatches } : {}) };
}

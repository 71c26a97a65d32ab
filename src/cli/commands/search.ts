// PLACEHOLDER: `papers search` is not written yet.
import type { Command } from 'commander';

export function register(_program: Command): void {}

// "Now" for fetch and digest: the real clock, or PAPERS_NOW (an ISO time) so that tests and
// reproductions see a fixed day.
import { usageError } from '../../core/errors.js';

export function clockNow(env: NodeJS.ProcessEnv = process.env): Date {
  const fixed = env.PAPERS_NOW;
  if (fixed === undefined || fixed === '') return new Date();
  const at = new Date(fixed);
  if (Number.isNaN(at.getTime())) throw usageError(`PAPERS_NOW=${fixed}: expected an ISO time such as 2025-03-12T08:00:00Z`);
  return at;
}

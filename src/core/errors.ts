// Errors meant for the user: one line saying what is wrong, where, and what to do.
// Anything else that escapes is a bug, reported as such (stack only with PAPERS_DEBUG=1).

/** usage: a wrong flag or argument (exit 2); input: a file or digest that cannot be read (exit 2); failure: anything else (exit 1). */
export type ErrorKind = 'usage' | 'input' | 'failure';

export class PapersError extends Error {
  readonly kind: ErrorKind;
  constructor(kind: ErrorKind, message: string) {
    super(message);
    this.name = 'PapersError';
    this.kind = kind;
  }
}

export const usageError = (message: string) => new PapersError('usage', message);
export const inputError = (message: string) => new PapersError('input', message);
export const failure = (message: string) => new PapersError('failure', message);

export function exitCodeOf(kind: ErrorKind): number {
  return kind === 'failure' ? 1 : 2;
}

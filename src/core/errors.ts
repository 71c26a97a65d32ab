// Errors meant for the user: one line saying what is wrong, where, and what to do.
// Anything else that escapes is a bug, reported as such (stack only with PAPERS_DEBUG=1).

/** usage: a wrong flag or argument (exit 2); input: a file or digest that cannot be read (exit 2); failure: anything else (exit 1). */
type ErrorKind = 'usage' | 'input' | 'failure';

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

// What the disk says, in words, and what the user can do about it. These are the user's situation
// (a full disk, a read-only mount), never a bug of papers.
const DISK_PROBLEMS: Readonly<Record<string, { problem: string; advice: string }>> = {
  ENOSPC: { problem: 'the disk is full', advice: 'free some space and try again' },
  EDQUOT: { problem: 'the disk quota is exceeded', advice: 'free some space (or raise the quota) and try again' },
  EROFS: { problem: 'the file system is read-only', advice: 'remount it read-write, or use a library on a writable disk (--library DIR)' },
  EACCES: { problem: 'permission denied', advice: 'check the permissions of the file and of its folder' },
  EPERM: { problem: 'operation not permitted', advice: 'check the permissions of the file and of its folder' },
  EIO: { problem: 'the disk reported an input/output error', advice: 'check the disk (it may be failing or disconnected) and try again' },
};

/** The one line for a failed disk operation on `path`, or null when `code` is not a disk problem of the user's. */
export function diskErrorMessage(code: string | undefined, path: string, action: 'read' | 'write'): string | null {
  const known = code === undefined ? undefined : DISK_PROBLEMS[code];
  if (!known) return null;
  return `${path}: cannot ${action} it: ${known.problem} (${code}); ${known.advice}`;
}

// How io code reports progress without knowing about terminals: the cli plugs in its progress bar
// (cli/progress.ts) at start-up; everywhere else (tests, benches, the library used as a module)
// reports go nowhere.

interface ProgressReport {
  tick(n?: number): void;
  done(): void;
}

type ProgressFactory = (label: string, total?: number) => ProgressReport;

const SILENT: ProgressReport = { tick() {}, done() {} };
let factory: ProgressFactory = () => SILENT;

export function setProgressFactory(next: ProgressFactory): void {
  factory = next;
}

/** A report for one long operation; call done() in a finally. */
export function reportProgress(label: string, total?: number): ProgressReport {
  return factory(label, total);
}

/** Every item of `rows` in an array, reporting progress as they come (`total` when known). */
export function collectWithProgress<T>(label: string, rows: Iterable<T>, total?: number): T[] {
  const out: T[] = [];
  const progress = reportProgress(label, total);
  try {
    for (const row of rows) {
      out.push(row);
      progress.tick();
    }
  } finally {
    progress.done();
  }
  return out;
}

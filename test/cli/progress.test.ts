import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clock, renderProgress, startProgress, type ProgressStream } from '../../src/cli/progress.js';
import { BIN, ROOT, run, sandbox } from './library-run.js';

function fakeTerminal(isTTY = true): ProgressStream & { text: string } {
  const stream = { isTTY, columns: 80, text: '', write: (t: string) => void (stream.text += t) };
  return stream;
}

describe('startProgress', () => {
  it('stays silent for the first second, then draws counts, percentage and ETA', () => {
    const stream = fakeTerminal();
    let t = 0;
    const p = startProgress('importing', 100, { stream, now: () => t, delayMs: 1000 });
    for (let i = 0; i < 40; i++) {
      t += 20;
      p.tick();
    }
    expect(stream.text).toBe(''); // 800 ms: still quiet
    t = 1000;
    p.tick(10); // 50 of 100 after 1 s: another second to go
    expect(stream.text).toContain('importing [');
    expect(stream.text).toContain('50/100');
    expect(stream.text).toContain(' 50%');
    expect(stream.text).toContain('ETA 0:01');
    p.done();
    expect(stream.text.endsWith('\r\u001b[K')).toBe(true);
  });

  it('throttles redraws', () => {
    const stream = fakeTerminal();
    let t = 2000;
    const p = startProgress('x', 1_000_000, { stream, now: () => t, delayMs: 0, intervalMs: 100 });
    for (let i = 0; i < 100_000; i++) {
      if (i % 1000 === 0) t += 10; // 1 s in all
      p.tick();
    }
    const draws = stream.text.split('\r').length - 1;
    expect(draws).toBeGreaterThan(5);
    expect(draws).toBeLessThanOrEqual(11);
  });

  it('writes nothing when the stream is not a terminal, and nothing for a quick operation', () => {
    const pipe = fakeTerminal(false);
    let t = 0;
    const p = startProgress('x', 10, { stream: pipe, now: () => (t += 1000) });
    for (let i = 0; i < 10; i++) p.tick();
    p.done();
    expect(pipe.text).toBe('');
    const tty = fakeTerminal();
    const quick = startProgress('x', 10, { stream: tty, now: () => 5 });
    for (let i = 0; i < 10; i++) quick.tick();
    quick.done();
    expect(tty.text).toBe('');
  });

  it('clear() erases the bar for other output, and the next tick draws it again', () => {
    const stream = fakeTerminal();
    let t = 0;
    const p = startProgress('x', 10, { stream, now: () => (t += 50), delayMs: 0, intervalMs: 1000 });
    p.tick();
    const drawn = stream.text;
    expect(drawn).toContain('1/10');
    p.clear();
    expect(stream.text).toBe(`${drawn}\r\u001b[K`);
    p.tick(); // within the interval, but the bar is gone: draw now
    expect(stream.text.endsWith('2/10  20%  ETA 0:00\u001b[K')).toBe(true);
  });

  it('renders an unknown total as a count and the elapsed time, and fits narrow terminals', () => {
    expect(renderProgress({ label: 'reading', done: 1234, total: undefined, elapsedMs: 65_000, width: 80 })).toBe('reading 1,234  1:05');
    const narrow = renderProgress({ label: 'indexing', done: 5, total: 10, elapsedMs: 1000, width: 30 });
    expect(narrow.length).toBeLessThan(30);
    expect(narrow).toContain('5/10');
    expect(clock(3_725_000)).toBe('1:02:05');
  });
});

describe('progress under a pseudo-terminal', () => {
  const demo = 'node --import tsx test/cli/fixtures/progress-demo.ts';
  const env = { ...process.env, PAPERS_PROGRESS_DELAY_MS: '200' };

  it('draws the bar when stderr is a terminal', () => {
    // script(1) runs the command on a new pty; its output (stdout and stderr of the command) comes back here.
    const r = spawnSync('script', ['-qfec', demo, '/dev/null'], { cwd: ROOT, env, encoding: 'utf8', timeout: 30_000 });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/demo \[[█░]+\] +\d+\/30 +\d+%  ETA \d+:\d\d/);
    expect(r.stdout).toContain('\r\u001b[K'); // and removes it at the end
    expect(r.stdout).toContain('finished');
  });

  it('prints nothing to stderr when stderr is a pipe', () => {
    const r = spawnSync('sh', ['-c', demo], { cwd: ROOT, env, encoding: 'utf8', timeout: 30_000 });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('finished\n');
    expect(r.stderr).toBe('');
  });
});

describe('progress of real commands under a pseudo-terminal', () => {
  const SEED = `${ROOT}/seeds/000_8fc7cc936e25f888.txt`;
  const SECOND = `${ROOT}/test/fixtures/corpora/hf-papers-2.txt`;
  const quote = (s: string) => `'${s.replace(/'/g, "'\\''")}'`;
  // With the delay at 0 the bar shows at once; the default (1 s) is tested above with a fake clock.
  const inPty = (args: string[], env: NodeJS.ProcessEnv) =>
    spawnSync('script', ['-qfec', [process.execPath, BIN, ...args].map(quote).join(' '), '/dev/null'], { cwd: ROOT, env: { ...env, PAPERS_PROGRESS_DELAY_MS: '0' }, encoding: 'utf8', timeout: 60_000 });

  it('import, list (loading the library) and doctor --repair draw a bar on a terminal and nothing through a pipe', () => {
    const { env } = sandbox();
    const imported = inPty(['import', SEED, SECOND], env);
    expect(imported.status).toBe(0);
    expect(imported.stdout).toMatch(/importing \[[█░]+\] +[12]\/2 +\d+%/);
    expect(imported.stdout).toContain("hf-papers-2.txt: ");
    const listed = inPty(['list', '--plain'], env);
    expect(listed.status).toBe(0);
    expect(listed.stdout).toMatch(/loading papers \[[█░]+\] +\d+\/120/);
    const repaired = inPty(['doctor', '--repair'], env);
    expect(repaired.status).toBe(0);
    expect(repaired.stdout).toMatch(/comparing caches \[[█░]+\] +\d\/2/);
    expect(repaired.stdout).toMatch(/rebuilding the library \[/);

    const { env: fresh } = sandbox();
    for (const args of [['import', SEED, SECOND], ['list', '--plain'], ['doctor', '--repair']]) {
      const piped = run(args, { ...fresh, PAPERS_PROGRESS_DELAY_MS: '0' });
      expect(piped.code).toBe(0);
      expect(piped.stderr).toBe('');
      expect(piped.stdout).not.toContain('\r');
    }
  });

  it('importing one large mailbox counts its messages', () => {
    const { env, dir } = sandbox();
    const bodies = ['arxiv-mailing-1.txt', 'arxiv-mailing-2.txt', 'arxiv-mailing-3.txt'].map((f) => readFileSync(`${ROOT}/test/fixtures/corpora/${f}`, 'utf8'));
    const messages = Array.from({ length: 12 }, (_, i) => `From listings@arxiv.org Fri Mar 17 00:31:14 2023\nFrom: listings@arxiv.org\nSubject: digest ${i}\n\n${bodies[i % 3]!.replace(/^From /gm, '>From ')}\n`);
    const mbox = join(dir, 'digests.mbox');
    writeFileSync(mbox, messages.join(''));
    const imported = inPty(['import', mbox], env);
    expect(imported.status).toBe(0);
    expect(imported.stdout).toMatch(/reading \S*digests\.mbox \[[█░]+\] +\d+\/12/);
    expect(imported.stdout).toContain('digests.mbox: mbox');
  });
});

// Row numbers (`papers show 3`, `papers tag 3 +x`) name rows of the last listing a person saw on a
// terminal: a piped or JSON listing (for a script) does not move them. `tag` and `note` confirm
// with the titles of the papers they changed.
import { describe, expect, it } from 'vitest';
import { runOnTerminal } from './library-run.js';
import { builtOnce, run, SEED } from './run-in-process.js';

const seededCopy = builtOnce(async (env) => {
  expect((await run(['import', SEED, '--year', '2025'], env)).code).toBe(0);
});

async function seeded() {
  const { env } = await seededCopy();
  const papers = JSON.parse((await run(['list', '--json'], env)).stdout) as Array<{ id: string; title: string }>;
  return { env, papers };
}

const shownId = async (env: NodeJS.ProcessEnv, ref: string) => (JSON.parse((await run(['show', ref, '--json'], env)).stdout) as { id: string }).id;

describe('the last listing', () => {
  it('is the one shown on a terminal; piped, --json and --plain-through-a-pipe listings do not replace it', async () => {
    const { env, papers } = await seeded();
    const table = runOnTerminal(['list', '--limit', '5'], env);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain(papers[2]!.title.slice(0, 20));
    expect(await shownId(env, '3')).toBe(papers[2]!.id);
    // Other orders and lengths, printed for scripts.
    expect((await run(['list', '--json', '--sort', 'title', '--limit', '2'], env)).code).toBe(0);
    expect((await run(['list', '--plain', '--sort', 'date'], env)).code).toBe(0);
    expect((await run(['search', 'linear attention', '--json'], env)).code).toBe(0);
    expect((await run(['search', 'diffusion'], env)).code).toBe(0);
    expect(await shownId(env, '3')).toBe(papers[2]!.id);
    expect((await run(['tag', '3', '+to-read'], env)).stdout).toBe(`tagged 1 paper +to-read: ${papers[2]!.id} “${papers[2]!.title}”\n`);
    // The next listing a person sees replaces it.
    expect(runOnTerminal(['list', '--tag', 'to-read'], env).code).toBe(0);
    expect(await shownId(env, '1')).toBe(papers[2]!.id);
    const out = await run(['show', '3'], env);
    expect(out.code).toBe(2);
    expect(out.stderr).toBe('papers: 3: the last listing has 1 row; give a row from 1 to 1, or the paper id\n');
  });

  it('search and --plain on a terminal count as shown', async () => {
    const { env, papers } = await seeded();
    const hits = JSON.parse((await run(['search', 'linear attention', '--json', '--limit', '3'], env)).stdout) as Array<{ id: string }>;
    expect(runOnTerminal(['search', 'linear attention', '--limit', '3'], env).code).toBe(0);
    expect(await shownId(env, '3')).toBe(hits[2]!.id);
    expect(runOnTerminal(['list', '--plain'], env).code).toBe(0);
    expect(await shownId(env, '100')).toBe(papers[99]!.id);
  });
});

describe('tag and note confirm with the titles', () => {
  it('one paper inline, a few on lines of their own, more counted', async () => {
    const { env, papers } = await seeded();
    const [a, b, c] = papers;
    expect((await run(['tag', a!.id, '+later'], env)).stdout).toBe(`tagged 1 paper +later: ${a!.id} “${a!.title}”\n`);
    expect((await run(['tag', a!.id, b!.id, c!.id, '+survey'], env)).stdout).toBe(`tagged 3 papers +survey:\n  ${a!.id} “${a!.title}”\n  ${b!.id} “${b!.title}”\n  ${c!.id} “${c!.title}”\n`);
    const seven = papers.slice(10, 17);
    const many = (await run(['tag', ...seven.map((p) => p.id), '+batch'], env)).stdout.split('\n');
    expect(many[0]).toBe('tagged 7 papers +batch:');
    expect(many.slice(1, 6)).toEqual(seven.slice(0, 5).map((p) => `  ${p.id} “${p.title}”`));
    expect(many[6]).toBe('  … and 2 more');
    // Nothing changed: still says which paper it looked at.
    expect((await run(['tag', a!.id, '+later'], env)).stdout).toBe(`nothing to change: the paper is already +later: ${a!.id} “${a!.title}”\n`);
    expect((await run(['note', a!.id, 'compare', 'with', 'LoRA'], env)).stdout).toBe(`noted ${a!.id} “${a!.title}”\n`);
    expect((await run(['note', a!.id, '--clear'], env)).stdout).toBe(`removed the note of ${a!.id} “${a!.title}”\n`);
  });
});

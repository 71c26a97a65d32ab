import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run as papers, sandbox } from './run-in-process.js';

const stripAnsi = (text: string) => text.replace(/\u001b\[[0-9;]*m/g, '');

function withConfig(text: string | null) {
  const { dir, env } = sandbox();
  const file = join(dir, 'config', 'papers', 'config.yaml');
  if (text !== null) {
    mkdirSync(join(dir, 'config', 'papers'), { recursive: true });
    writeFileSync(file, text);
  }
  return { dir, env, file };
}

describe('papers config', () => {
  it('prints defaults when there is no config file', async () => {
    const { env, file } = withConfig(null);
    const r = await papers(['config'], env);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`config file: ${file} (not found: defaults apply)`);
    expect(r.stdout).toMatch(/^quick-tags\.1 +to-read +default$/m);
    expect(r.stdout).toMatch(/^ranking\.positive +\[to-read, read\] +default$/m);
    // the test environment sets NO_COLOR, which is where colour comes from
    expect(r.stdout).toMatch(/^color +never +environment NO_COLOR$/m);
  });

  it('prints the origin of each value: default, file:line, environment, flag', async () => {
    const { env, file } = withConfig('quick-tags:\n  3: later\nexport:\n  format: bibtex\n  group: tag\n');
    const r = await papers(['--color', 'always', 'config'], { ...env, PAPERS_EXPORT_GROUP: 'date' });
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('\u001b['); // --color always wins over NO_COLOR
    r.stdout = stripAnsi(r.stdout);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^quick-tags\\.3 +later +${file.replace(/[.]/g, '\\.')}:2$`, 'm'));
    expect(r.stdout).toMatch(new RegExp(`^export\\.format +bibtex +${file.replace(/[.]/g, '\\.')}:4$`, 'm'));
    expect(r.stdout).toMatch(/^export\.group +date +environment PAPERS_EXPORT_GROUP$/m);
    expect(r.stdout).toMatch(/^color +always +flag --color$/m);
    expect(r.stdout).toMatch(/^quick-tags\.1 +to-read +default$/m);
  });

  it('--json gives the config and each origin', async () => {
    const { env, file } = withConfig('ranking:\n  negative: [skip, meh]\n');
    const r = await papers(['config', '--json'], env);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.file).toBe(file);
    expect(json.fileExists).toBe(true);
    expect(json.config.ranking).toEqual({ positive: ['to-read', 'read'], negative: ['skip', 'meh'] });
    const negative = json.settings.find((s: { key: string }) => s.key === 'ranking.negative');
    expect(negative).toEqual({ key: 'ranking.negative', value: ['skip', 'meh'], origin: { kind: 'file', file, line: 2, column: 3 }, from: `${file}:2` });
  });

  it('PAPERS_CONFIG points elsewhere; config path prints it', async () => {
    const { dir, env } = withConfig(null);
    const other = join(dir, 'elsewhere.yaml');
    writeFileSync(other, 'color: never\n');
    expect((await papers(['config', 'path'], env)).stdout.trim()).toBe(join(dir, 'config', 'papers', 'config.yaml'));
    expect((await papers(['config', 'path'], { ...env, PAPERS_CONFIG: other })).stdout.trim()).toBe(other);
    const r = await papers(['config'], { ...env, PAPERS_CONFIG: other, NO_COLOR: '', FORCE_COLOR: undefined });
    expect(r.stdout).toMatch(new RegExp(`^color +never +${other.replace(/[.]/g, '\\.')}:1$`, 'm'));
  });

  const bad: Array<[string, string, RegExp]> = [
    ['unknown key', 'color: never\nquik-tags:\n  1: x\n', /:2:1: quik-tags: unknown key "quik-tags" \(did you mean quick-tags\?\); known keys: quick-tags, ranking, export, color/],
    ['unknown nested key', 'ranking:\n  positve: [a]\n', /:2:3: ranking\.positve: unknown key "positve" \(did you mean positive\?\) in ranking/],
    ['wrong type', 'export:\n  format: 7\n', /:2:11: export\.format: expected one of md, json, csl-json, bibtex, ris, csv, got a number/],
    ['wrong type in a list', 'ranking:\n  positive: [to-read, 3]\n', /:2:23: ranking\.positive: expected a tag name, got a number/],
    ['invalid YAML', 'ranking:\n  positive: [a, b\nexport: x\n', /:\d+:\d+: invalid YAML: /],
  ];
  for (const [what, text, message] of bad) {
    it(`a config file with a ${what}: one line naming file:line, exit 2, for any command`, async () => {
      const { env, file } = withConfig(text);
      for (const args of [['config'], ['list', '--plain']]) {
        const r = await papers(args, env);
        expect(r.code).toBe(2);
        expect(r.stdout).toBe('');
        expect(r.stderr.startsWith(`papers: ${file}:`)).toBe(true);
        expect(r.stderr).toMatch(message);
        expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
      }
    });
  }

  it('a bad environment value or flag is a usage error (exit 2)', async () => {
    const { env } = withConfig(null);
    const r = await papers(['config'], { ...env, PAPERS_EXPORT_FORMAT: 'pdf' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^papers: PAPERS_EXPORT_FORMAT=pdf: "pdf" is not one of/);
    const f = await papers(['--color', 'sometimes', 'config'], env);
    expect(f.code).toBe(2);
    expect(f.stderr).toMatch(/^papers: --color sometimes: /);
  });

  it('color from the config file turns colour on when piped, and NO_COLOR still wins over it', async () => {
    const { env } = withConfig('color: always\n');
    const on = await papers(['config'], { ...env, NO_COLOR: '', FORCE_COLOR: undefined });
    expect(on.stdout).toContain('\u001b[');
    expect(stripAnsi(on.stdout)).toMatch(/^color +always +\S+config\.yaml:1$/m);
    const off = await papers(['config'], { ...env, NO_COLOR: '1', FORCE_COLOR: undefined });
    expect(off.stdout).not.toContain('\u001b[');
    const { env: plain } = withConfig(null);
    expect((await papers(['config'], { ...plain, NO_COLOR: '', FORCE_COLOR: undefined })).stdout).not.toContain('\u001b[');
  });
});

describe('papers export and the config', () => {
  it('takes export.format and export.abstracts from the one merge: file < environment < flags, -o between', async () => {
    const { dir, env } = withConfig('export:\n  format: json\n  abstracts: none\n');
    const json = await papers(['export'], env);
    expect(() => JSON.parse(json.stdout)).not.toThrow();
    const md = await papers(['export', '--format', 'md'], env);
    expect(md.stdout).toContain('- [ ] **');
    expect(md.stdout).not.toContain('TL;DR');
    expect((await papers(['export', '--format', 'md'], { ...env, PAPERS_EXPORT_ABSTRACTS: 'full' })).stdout).toContain('<details><summary>');
    expect((await papers(['export', '--format', 'md', '--abstracts', 'tldr'], { ...env, PAPERS_EXPORT_ABSTRACTS: 'full' })).stdout).toContain('*TL;DR:*');
    // -o's extension beats the config's format, --format beats the extension
    const bib = join(dir, 'refs.bib');
    expect((await papers(['export', '-o', bib], env)).code).toBe(0);
    expect(readFileSync(bib, 'utf8')).toMatch(/^@/m);
    const ris = join(dir, 'refs-ris.bib');
    expect((await papers(['export', '--format', 'ris', '-o', ris], env)).code).toBe(0);
    expect(readFileSync(ris, 'utf8')).toMatch(/^TY {2}- /m);
  });
});

describe('papers config KEY [VALUE]', () => {
  it('prints one key, sets it in the file (creating it), and unsets it', async () => {
    const { env, file } = withConfig(null);
    const get = await papers(['config', 'quick-tags.3'], env);
    expect(get.stdout).toBe('none\tdefault\n');
    const set = await papers(['config', 'quick-tags.3', 'later'], env);
    expect(set.code).toBe(0);
    expect(set.stdout).toBe(`${file}: set quick-tags.3 to later\n`);
    expect(readFileSync(file, 'utf8')).toBe('quick-tags:\n  3: later\n');
    expect((await papers(['config', 'quick-tags.3'], env)).stdout).toBe(`later\t${file}:2\n`);
    const unset = await papers(['config', 'quick-tags.3', '--unset'], env);
    expect(unset.stdout).toBe(`${file}: removed quick-tags.3; it is now none\n`);
  });

  it('refuses a bad value or key and leaves the file as it was', async () => {
    const { env, file } = withConfig('color: never # mine\n');
    for (const args of [['config', 'export.format', 'pdf'], ['config', 'colour', 'never']]) {
      const r = await papers(args, env);
      expect(r.code).toBe(2);
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    }
    expect(readFileSync(file, 'utf8')).toBe('color: never # mine\n');
  });

  it('suggests the key a near miss was meant to be', async () => {
    const { env } = withConfig(null);
    const r = await papers(['config', 'colour'], env);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^papers: unknown key "colour" \(did you mean color\?\); keys: quick-tags\.1, /);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect((await papers(['config', 'zzzzzz'], env)).stderr).toMatch(/^papers: unknown key "zzzzzz"; keys: /);
  });
});

// `papers list` and `papers search` on terminals 60 to 200 columns wide, with titles in Japanese,
// Chinese, Korean, emoji and combining marks: every line fits, measured as Ink and terminals measure
// (string-width), and a row with a long title is exactly as wide as the terminal.
import { rmSync } from 'node:fs';
import stringWidth from 'string-width';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { papersOnTerminal, papersPiped, sandbox, writeDigest } from './terminal-run.js';

const TITLES = [
  '大規模言語モデルにおける長文脈推論のための効率的な注意機構の設計と評価に関する包括的研究',
  '基于扩散模型的高分辨率图像生成与编辑方法研究：从理论到实践的全面综述与展望',
  '대규모 언어 모델의 추론 능력 향상을 위한 체계적인 프롬프트 설계 방법론 연구',
  '🚀 Rocket-fast 🔥 inference: 👩‍🔬 scientists 🧪 and 🇯🇵 flags in a title that goes on and on',
  'Café naïve résumé with combining marks: e\u0301 a\u0300 o\u0302 n\u0303 u\u0308 and a long English tail to cut',
  'A plain ASCII title that is long enough to be cut at every terminal width below two hundred columns, surely',
  'Short',
];

let dir: string;
let env: NodeJS.ProcessEnv;

beforeAll(() => {
  ({ dir, env } = sandbox());
  const file = writeDigest(
    dir,
    'wide.json',
    TITLES.map((title, i) => ({ id: `2501.0000${i + 1}`, title, summary: `${title} abstract words for a snippet that runs long enough to be cut by the terminal width.` })),
  );
  expect(papersPiped(['import', file], env).status).toBe(0);
  // a tag on one row, so the tag column is drawn too
  expect(papersPiped(['tag', '2501.00001', '+読む'], env).status).toBe(0);
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The lines the terminal shows: colour stripped, the pty's CRLF split. */
function lines(bytes: Buffer): string[] {
  return bytes
    .toString('utf8')
    .replace(/\u001b\[[0-9;]*m/g, '')
    .split(/\r?\n/)
    .filter((l) => l !== '');
}

describe.each([60, 80, 120, 200])('at %i columns', (columns) => {
  it('papers list: no line wider than the terminal, the long rows exactly as wide', () => {
    const { status, bytes } = papersOnTerminal(['list', '--limit', '20'], env, columns);
    expect(status).toBe(0);
    const shown = lines(bytes);
    expect(shown).toHaveLength(TITLES.length);
    const widths = shown.map((l) => stringWidth(l));
    for (const [i, w] of widths.entries()) expect(w, shown[i]).toBeLessThanOrEqual(columns);
    // the ASCII title is longer than 200 columns' title cell: its row fills the line
    expect(widths[5]).toBe(columns);
    expect(shown[0]).toContain('大規模');
    expect(shown[3]).toContain('🚀');
  });

  it('papers search: no line wider than the terminal', () => {
    const { status, bytes } = papersOnTerminal(['search', 'title'], env, columns);
    expect(status).toBe(0);
    const shown = lines(bytes);
    expect(shown.length).toBeGreaterThan(0);
    for (const l of shown) expect(stringWidth(l), l).toBeLessThanOrEqual(columns);
  });
});

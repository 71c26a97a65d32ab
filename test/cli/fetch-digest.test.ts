// `papers digest` pinned on a fixed library (the recorded Hugging Face answer, four papers tagged)
// at a fixed "now"; and "new since the last digest" by default.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../io/library-helpers.js';
import { ARXIV_RSS, CORPORA, HF_API, idsOf } from './fetch-server.js';
import { builtOnce, libraryEnv, run } from './run-in-process.js';

async function succeed(args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  const r = await run(args, env);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return r.stdout;
}

const fixtureCopy = builtOnce(async (env) => {
  await succeed(['import', join(CORPORA, 'hf-api-1.json')], env);
  await succeed(['tag', '2410.18533', '2410.18745', '+to-read'], env);
  await succeed(['tag', '2410.18975', '2410.18978', '+skip'], env);
});

/** The fixed library (built once for the file), a copy for each test. */
async function fixtureLibrary() {
  const { env } = await fixtureCopy();
  return { env, ok: (args: string[]) => succeed(args, env) };
}

const PINNED = `# Papers since 2024-10-01 00:00 UTC

8 new papers, most interesting first.

1. **Unleashing Reasoning Capability of LLMs via Scalable Question Synthesis from Scratch** by Yuyang Ding, Xinyu Shi, Xiaobo Liang et al. (2024-10-25, 35 upvotes)
   <https://arxiv.org/abs/2410.18693>
   The availability of high-quality data is one of the most important factors in improving the reasoning capability of LLMs.
2. **Breaking the Memory Barrier: Near Infinite Batch Size Scaling for Contrastive Loss** by Zesen Cheng, Hang Zhang, Kehan Li et al. (2024-10-25, 64 upvotes)
   <https://arxiv.org/abs/2410.17243>
   Contrastive loss is a powerful approach for representation learning, where larger batch sizes enhance performance by providing more negative samples to better distinguish between similar and dissimilar data.
3. **Distill Visual Chart Reasoning Ability from LLMs to MLLMs** by Wei He, Zhiheng Xi, Wanxu Zhao et al. (2024-10-25, 17 upvotes)
   <https://arxiv.org/abs/2410.18798>
   Solving complex chart Q\\&A tasks requires advanced visual reasoning abilities in multimodal large language models (MLLMs).
4. **Can Knowledge Editing Really Correct Hallucinations?** by Baixiang Huang, Canyu Chen, Xiongxiao Xu et al. (2024-10-25, 41 upvotes)
   <https://arxiv.org/abs/2410.16251>
   Large Language Models (LLMs) suffer from hallucinations, referring to the non-factual information in generated content, despite their superior capacities across tasks.
5. **Why Does the Effective Context Length of LLMs Fall Short?** by Chenxin An, Jun Zhang, Ming Zhong et al. (2024-10-25, 14 upvotes, tagged to-read)
   <https://arxiv.org/abs/2410.18745>
   Advancements in distributed training and efficient attention mechanisms have significantly expanded the context window sizes of large language models (LLMs).
6. **LOGO -- Long cOntext aliGnment via efficient preference Optimization** by Zecheng Tang, Zechen Sun, Juntao Li et al. (2024-10-25, 37 upvotes, tagged to-read)
   <https://arxiv.org/abs/2410.18533>
   Long-context models(LCMs) have shown great potential in processing long input sequences(even more than 100M tokens) conveniently and effectively.
7. **Unbounded: A Generative Infinite Game of Character Life Simulation** by Jialu Li, Yuanzhen Li, Neal Wadhwa et al. (2024-10-25, 28 upvotes, tagged skip)
   <https://arxiv.org/abs/2410.18975>
   We introduce the concept of a generative infinite game, a video game that transcends the traditional boundaries of finite, hard-coded systems by using generative models.
8. **Framer: Interactive Frame Interpolation** by Wen Wang, Qiuyu Wang, Kecheng Zheng et al. (2024-10-25, 27 upvotes, tagged skip)
   <https://arxiv.org/abs/2410.18978>
   We propose Framer for interactive frame interpolation, which targets producing smoothly transitioning frames between two images as per user creativity.
`;

describe('papers digest', () => {
  it('prints the papers new since a day, most interesting first, as Markdown and as JSON', async () => {
    const { env, ok } = await fixtureLibrary();
    const fixed = { ...env, PAPERS_NOW: '2024-10-26T08:00:00Z' };
    const md = await run(['digest', '--since', '2024-10-01'], fixed);
    expect(md.stderr).toBe('');
    expect(md.stdout).toBe(PINNED);
    const json = JSON.parse((await run(['digest', '--since', '2024-10-01', '--format', 'json'], fixed)).stdout) as {
      since: string;
      generated: string;
      order: string | null;
      count: number;
      papers: Array<{ rank: number; id: string; tags: string[]; url: string; score: number }>;
    };
    expect([json.since, json.generated, json.order, json.count]).toEqual(['2024-10-01T00:00:00.000Z', '2024-10-26T08:00:00.000Z', null, 8]);
    const mdOrder = [...PINNED.matchAll(/<https:\/\/arxiv\.org\/abs\/(\S+)>/g)].map((m) => m[1]);
    expect(json.papers.map((p) => p.id)).toEqual(mdOrder);
    expect(json.papers.map((p) => p.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect([...json.papers.map((p) => p.id)].sort()).toEqual(idsOf(HF_API, 'hf'));
    expect(await ok(['digest', '--since', '2099-01-01'])).toBe('# Papers since 2099-01-01 00:00 UTC\n\nNo new papers.\n');
  });

  it('by default shows what came in since the last digest', async () => {
    const { env, ok } = await fixtureLibrary();
    await ok(['digest']);
    await ok(['import', join(CORPORA, 'arxiv-rss-1.xml')]);
    const json = JSON.parse(await ok(['digest', '--format', 'json'])) as { papers: Array<{ id: string }> };
    expect(json.papers.map((p) => p.id).sort()).toEqual(idsOf(ARXIV_RSS, 'rss'));
    expect(await ok(['digest'])).toMatch(/^# Papers since \d{4}-\d\d-\d\d \d\d:\d\d UTC\n\nNo new papers\.\n$/);
  });

  it('refuses a date it cannot read', async () => {
    const r = await run(['digest', '--since', 'last tuesday'], libraryEnv(tempDir()));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^papers: --since last tuesday: expected a date: YYYY-MM-DD/);
  });
});

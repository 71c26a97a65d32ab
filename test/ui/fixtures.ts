// Small libraries for the UI tests. Titles and abstract openings are taken from the bundled seed
// (seeds/000_8fc7cc936e25f888.txt, a Hugging Face Daily Papers page); the links are the ones its
// abstracts name.
import { asLibraryPapers, memoryLibrary, type LibraryHandle, type LibraryPaper } from '../../src/core/library.js';
import { emptyPaper, type Paper } from '../../src/core/model.js';

const SEED_PAPERS: Array<Partial<Paper> & { title: string }> = [
  {
    title: 'Decoding specialised feature neurons in LLMs with the final projection layer',
    abstract: 'Large Language Models (LLMs) typically have billions of parameters and are thus often difficult to interpret in their operation.',
  },
  {
    title: 'MixtureGrowth: Growing Neural Networks by Recombining Learned Parameters',
    abstract: 'Most deep neural networks are trained under fixed network architectures and require retraining when the architecture changes. Code is available at https://github.com/chaudatascience/mixturegrowth.',
    links: [{ url: 'https://github.com/chaudatascience/mixturegrowth', kind: 'code' }],
  },
  {
    title: 'Efficient Joint Optimization of Layer-Adaptive Weight Pruning in Deep Neural Networks',
    abstract: 'In this paper, we propose a novel layer-adaptive weight-pruning approach for Deep Neural Networks (DNNs).',
    links: [{ url: 'https://github.com/Akimoto-Cris/RD_VIT_PRUNE', kind: 'code' }],
  },
  {
    title: 'De novo protein design using geometric vector field networks',
    abstract: 'Innovations like protein diffusion have enabled significant progress in de novo protein design, which is a vital topic in life science.',
  },
  {
    title: 'LiT: Delving into a Simplified Linear Diffusion Transformer for Image Generation',
    abstract: 'In commonly used sub-quadratic complexity modules, linear attention benefits from simplicity and high parallelism. Project page: https://techmonsterwang.github.io/LiT/.',
    links: [{ url: 'https://techmonsterwang.github.io/LiT/', kind: 'project' }],
  },
];

export function seedLikePapers(): LibraryPaper[] {
  const papers = SEED_PAPERS.map((p, i): Paper => ({ ...emptyPaper({ file: 'seed.txt', line: 10 + i * 4 }), id: `p${i + 1}`, abstractKind: 'abstract', date: '2025-03-12', ...p }));
  return asLibraryPapers(papers, 'digest1', '2025-03-13T08:00:00.000Z');
}

/** n numbered papers, for scrolling. */
export function numberedPapers(n: number): LibraryPaper[] {
  const papers = Array.from({ length: n }, (_, i): Paper => ({ ...emptyPaper({ file: 'many.txt', line: i + 1 }), id: `n${i}`, title: `Paper number ${i}`, abstract: `Abstract ${i}.`, abstractKind: 'abstract', date: '2025-01-01' }));
  return asLibraryPapers(papers, 'digest-many', '2025-01-02T00:00:00.000Z');
}

export function seedLibrary(): LibraryHandle {
  return memoryLibrary(seedLikePapers(), 'test library', () => '2025-03-14T09:00:00.000Z');
}

// Clean text for everything shown, searched and exported: LaTeX leftovers, arXiv stubs, links.
export { latexToText } from './latex.js';
export { cleanAbstract, joinLines, normaliseSpaces } from './clean.js';
export { extractLinks, classifyUrl, trimUrl } from './links.js';

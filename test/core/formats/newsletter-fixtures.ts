// The HF Daily Papers newsletter has no real sample: these fixtures mirror FORMATS.md section 6.

export const NEWSLETTER_TEXT = `Daily Papers
by AK and the AI research community

Here is the selection of papers for today (6 Jul):

Scaling Laws for Tiny Models (140 ▲) <https://huggingface.co/papers/2607.00001?utm_source=digest-papers&utm_medium=email>
A Survey of Everything (1,204 ▲) <https://huggingface.co/papers/2607.00002?utm_source=digest-papers&utm_medium=email>
Untitled Without Link (3 ▲)

To view more checkout today's Daily Paper page <https://huggingface.co/papers?utm_source=digest-papers>.
NEW - I can submit papers to Daily Papers: huggingface.co/papers/submit
Onwards and upwards,
AK and the research community
`;

export const NEWSLETTER_HTML = `<!DOCTYPE html><html><head><title>Daily Papers</title><style>p{margin:0}</style></head><body>
<h1>Daily Papers</h1><p>by AK and the AI research community</p>
<p>Here is the selection of papers for today (6 Jul):</p>
<ul>
<li><a href="https://huggingface.co/papers/2607.00001?utm_source=digest-papers&amp;utm_medium=email">Scaling Laws for Tiny Models (140 &#9650;)</a></li>
<li><a href="https://huggingface.co/papers/2607.00002?utm_source=digest-papers&amp;utm_medium=email">A Survey of Everything (1,204 ▲)</a></li>
</ul>
<p>To view more checkout today's <a href="https://huggingface.co/papers">Daily Paper page</a>.</p>
<p>Onwards and upwards,<br>AK and the research community</p>
</body></html>`;

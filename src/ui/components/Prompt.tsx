// The one-line prompt for a tag to add or remove (Tab completes from existing tags) or an export path.
import { Text } from 'ink';
import { completionsFor, type PromptState } from '../state.js';
import { truncate } from '../text.js';

export function Prompt({ prompt, width }: { prompt: PromptState; width: number }) {
  const n = prompt.targets.length;
  const papers = `${n} paper${n === 1 ? '' : 's'}`;
  const label = prompt.purpose === 'add-tag' ? `add tag to ${papers}: +` : prompt.purpose === 'remove-tag' ? `remove tag from ${papers}: -` : `export ${papers} to Markdown file: `;
  const options = prompt.purpose === 'export' ? [] : completionsFor(prompt);
  const shownOptions = options.length > 0 ? truncate(options.join(' '), Math.max(0, width - label.length - prompt.text.length - 4)) : '';
  return (
    <Text wrap="truncate">
      <Text color="yellow">{label}</Text>
      {prompt.text}█
      {shownOptions ? <Text dimColor>{`  ${shownOptions}`}</Text> : null}
    </Text>
  );
}

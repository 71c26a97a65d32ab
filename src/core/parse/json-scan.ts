// A linear pre-scan of JSON text, before JSON.parse: the nesting depth (JSON.parse of very deep
// nesting throws RangeError, or worse, exhausts the stack) and where each top-level array element
// starts, so papers can point at their line.

interface JsonScan {
  maxDepth: number;
  /** Offsets of the elements of a top-level array (empty when the text is not an array). */
  elementOffsets: number[];
}

/** Stops counting at `depthLimit` (the text is then refused, so the rest does not matter). */
export function scanJson(text: string, depthLimit: number): JsonScan {
  let depth = 0;
  let maxDepth = 0;
  let inString = false;
  let topIsArray = false;
  let expectElement = false;
  const elementOffsets: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
      continue;
    }
    if (c === 32 || c === 10 || c === 13 || c === 9) continue;
    if (expectElement && depth === 1 && c !== 93 /* ] */) {
      elementOffsets.push(i);
      expectElement = false;
    }
    if (c === 34) inString = true;
    else if (c === 91 /* [ */ || c === 123 /* { */) {
      if (depth === 0 && c === 91) {
        topIsArray = true;
        expectElement = true;
      }
      depth++;
      if (depth > maxDepth) {
        maxDepth = depth;
        if (maxDepth > depthLimit) break;
      }
    } else if (c === 93 || c === 125) depth--;
    else if (c === 44 /* , */ && depth === 1 && topIsArray) expectElement = true;
  }
  return { maxDepth, elementOffsets };
}

// What untrusted text may show on a terminal. A digest can hold control characters that a terminal
// would obey (ESC starts sequences that move the cursor, set the window title, write the clipboard;
// C1 codes such as U+009B are 8-bit forms of them) and bidi controls that make text read in another
// order than it is stored. None of them is ever written as is: each is shown as one visible
// character, so text keeps its length and offsets into it (search highlights) stay valid.
//
// The visible forms: a C0 control is its Control Pictures symbol (ESC is ␛, NUL ␀, CR ␍), DEL is ␡,
// a C1 control or a bidi override or isolate is �. Tab and newline are kept by `showControls` and
// become spaces in `showControlsLine` (a table cell, a status line).

/** C0 controls except tab and newline, DEL, C1 controls, bidi embeddings, overrides and isolates. */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const CONTROLS = new RegExp(CONTROL.source, 'g');
/** The same, with tab and newline. */
const CONTROL_OR_BREAK = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const CONTROLS_OR_BREAKS = new RegExp(CONTROL_OR_BREAK.source, 'g');

function symbolFor(c: string): string {
  const code = c.charCodeAt(0);
  if (code === 0x09 || code === 0x0a) return ' ';
  if (code < 0x20) return String.fromCharCode(0x2400 + code);
  if (code === 0x7f) return '\u2421';
  return '\ufffd';
}

/** True when the text holds a character a terminal would obey (see above). */
export function hasControls(text: string): boolean {
  return CONTROL.test(text);
}

/** The text with every control shown as a visible character; tab and newline kept. Same length. */
export function showControls(text: string): string {
  return CONTROL.test(text) ? text.replace(CONTROLS, symbolFor) : text;
}

/** As `showControls`, for one line: tab and newline become spaces too. Same length. */
export function showControlsLine(text: string): string {
  return CONTROL_OR_BREAK.test(text) ? text.replace(CONTROLS_OR_BREAKS, symbolFor) : text;
}

/** The text with every control removed (for exported documents, where they mean nothing). */
export function withoutControls(text: string): string {
  return CONTROL.test(text) ? text.replace(CONTROLS, '') : text;
}

const SGR = '\u001b\\[[0-9;]*m';
const ESCAPE_BUT_SGR = new RegExp(`(${SGR})|${CONTROL.source}`, 'g');

const unicodeEscape = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/**
 * The last guard before a stream that may be a terminal: any control still in `text` is written as
 * a `\u001b`-style escape. Inside JSON that is the JSON escape of the same character, so JSON output
 * passes through unchanged in meaning; in other text it is a visible escape. With `keepSgr`, the
 * colour sequences papers itself writes (ESC [ digits m) pass: untrusted text must then have gone
 * through `showControls` first, as every renderer does.
 */
export function escapeControls(text: string, keepSgr = false): string {
  if (!CONTROL.test(text)) return text;
  return keepSgr ? text.replace(ESCAPE_BUT_SGR, (c: string, sgr: string | undefined) => sgr ?? unicodeEscape(c)) : text.replace(CONTROLS, unicodeEscape);
}

/**
 * Text for a terminal: file names and report text come from other people, and an escape sequence
 * in a file name would be run by the terminal (colours, cursor moves, a changed window title, a
 * hidden line). Text output goes through here; JSON and CSV stay exact (JSON.stringify escapes).
 */

/** An escape sequence (CSI `ESC [ … final`, OSC `ESC ] … BEL/ST`, or a two-character escape). */
const ESCAPE_SEQUENCE =
  // eslint-disable-next-line no-control-regex -- matching exactly these characters is the point
  /\u001b(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|[@-Z\\-_])/gu;

/**
 * C0 controls other than LF, DEL, C1 controls, and the bidirectional overrides and isolates that
 * reorder what a line appears to say.
 */
// eslint-disable-next-line no-control-regex -- matching exactly these characters is the point
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/gu;

/**
 * The text with escape sequences and control characters removed (line feeds kept). Cannot show
 * what was removed: a name that differs from another only by control characters looks the same.
 */
export function terminalText(text: string): string {
  return text.replace(ESCAPE_SEQUENCE, "").replace(CONTROL, "");
}

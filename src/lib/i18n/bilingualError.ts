/**
 * Every error the app shows a user: a code the program can test, and the message in both
 * languages. The engine's, the store's, the backup's and the state's errors all extend it, so
 * `errorText(e)` needs no guessing about shapes.
 */
import type { Text } from './text';

export class BilingualError<Code extends string = string> extends Error {
  /**
   * `new BilingualError('locked', { zh: '已定版', en: 'Closed' })`: `code` for the program,
   * `text` for the user; `message` is the English text (for logs and stack traces).
   */
  constructor(readonly code: Code, readonly text: Text) {
    super(text.en);
    this.name = 'BilingualError';
  }
}

/** The message to show for anything thrown: a BilingualError's text, else the error's own message in both slots. */
export function errorText(e: unknown): Text {
  if (e instanceof BilingualError) return e.text;
  const msg = e instanceof Error ? e.message : String(e);
  return { zh: msg, en: msg };
}

/**
 * Ask before a destructive action (delete, restore, overwrite): one place every page uses, so
 * the behaviour where the browser cannot ask (tests, embedded views) is the same everywhere.
 */

/** Ask the user to confirm a destructive action; `false` when the browser cannot ask. */
export function askConfirm(message: string): boolean {
  try {
    return typeof window !== 'undefined' && typeof window.confirm === 'function' && window.confirm(message) === true;
  } catch {
    return false;
  }
}

/** What a scheme box reports after an edit: a refusal (error) or how a typed text was read. */
import type { Text } from '../../lib/i18n/i18n.svelte';

export interface BoxMessage {
  error: boolean;
  text: Text;
}

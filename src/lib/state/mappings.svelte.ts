/**
 * The Data page's column mappings (字段映射): the saved list, the mapping being edited (a file's
 * sample from the import, or a saved mapping), saving and deleting. The import applies saved
 * mappings by itself (runImport.ts); this state only keeps the page's view of them.
 */
import type { ColumnMapping } from '../data/mapping';
import { sampleOfMapping, type FileSample } from '../data/mappingProposal';
import { deleteMapping, listMappings, saveMapping, type SavedMapping } from '../data/mappingStore';
import type { Store } from '../data/store';
import { errorText } from '../i18n/bilingualError';
import type { Text } from '../i18n/i18n.svelte';

/** What the dialog edits: a file's sample (and, when it was read through one, the saved mapping). */
export interface MappingTarget {
  /** the file (and sheet) the sample comes from; empty when editing from the saved list */
  fileName: string;
  sheet?: string;
  sample: FileSample;
  saved?: ColumnMapping;
  /** nothing of the file was stored: saving imports it again (a stored file would be refused as a copy) */
  reimport?: boolean;
}

export class MappingsState {
  saved = $state.raw<SavedMapping[]>([]);
  editing = $state.raw<MappingTarget | null>(null);
  error = $state.raw<Text | null>(null);
  #store: () => Store | null;

  constructor(store: () => Store | null) {
    this.#store = store;
  }

  async load(): Promise<void> {
    const store = this.#store();
    if (!store) return;
    try {
      this.saved = await listMappings(store);
    } catch (e) {
      this.error = errorText(e);
    }
  }

  /** Opens the dialog on a file the import could not read (its sample). */
  edit(target: MappingTarget): void {
    this.error = null;
    this.editing = target;
  }

  /** Opens the dialog on a saved mapping (from the list, or the notice of a file read through it). */
  editSaved(signature: string, from?: { fileName: string; sheet?: string }): void {
    const m = this.saved.find((x) => x.signature === signature);
    if (!m) return;
    this.error = null;
    this.editing = { fileName: from?.fileName ?? '', sheet: from?.sheet, sample: sampleOfMapping(m), saved: m };
  }

  close(): void {
    this.editing = null;
  }

  /** Saves `m` (replacing the mapping of the same header); false, with `error` set, when the store refused. */
  async save(m: ColumnMapping): Promise<boolean> {
    const store = this.#store();
    if (!store) return false;
    try {
      await saveMapping(store, m);
      this.editing = null;
      await this.load();
      return true;
    } catch (e) {
      this.error = errorText(e);
      return false;
    }
  }

  async remove(signature: string): Promise<void> {
    const store = this.#store();
    if (!store) return;
    try {
      await deleteMapping(store, signature);
      if (this.editing?.saved?.signature === signature) this.editing = null;
      await this.load();
    } catch (e) {
      this.error = errorText(e);
    }
  }
}

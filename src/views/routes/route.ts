import type { Component } from 'svelte';
import type { Text } from '../../lib/i18n/i18n.svelte';

/** A page of the app: `#/<page>` or `#/<page>/<param>`. `nav: false` pages are reached by links only. */
export interface Route { page: string; label: Text; component: Component; nav: boolean }

/** Navigation sections: a top-level entry each; sections with several pages show a second row of tabs. */
export interface Section { id: string; label: Text; routes: Route[] }

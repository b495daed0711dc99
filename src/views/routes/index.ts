/**
 * Every page of the app, grouped into navigation sections. The shell renders the sections as
 * the top navigation and the active section's pages as a second row of tabs.
 */
import { commonText } from '../../lib/i18n/messages/common';
import { DATA, EXPORT, OVERVIEW, PEOPLE, PERSON, WEIGHTS } from './core';
import { RESULTS_ROUTES } from './results';
import type { Route, Section } from './route';
import { WORKSHOP_ROUTES } from './workshop';

export const SECTIONS: Section[] = [
  { id: 'overview', label: commonText.navOverview, routes: [OVERVIEW] },
  { id: 'weights', label: commonText.navWeights, routes: [WEIGHTS] },
  { id: 'people', label: commonText.navPeople, routes: [PEOPLE, PERSON] },
  { id: 'workshop', label: commonText.navWorkshop, routes: WORKSHOP_ROUTES },
  { id: 'results', label: commonText.navResults, routes: RESULTS_ROUTES },
  { id: 'export', label: commonText.navExport, routes: [EXPORT] },
  { id: 'data', label: commonText.navData, routes: [DATA] },
];

export const ROUTES: Route[] = SECTIONS.flatMap((s) => s.routes);

/** The route of a hash page id; unknown ids show the overview. */
export function routeOf(page: string): Route {
  return ROUTES.find((r) => r.page === page) ?? OVERVIEW;
}

/** The section a page belongs to (the person page belongs to People). */
export function sectionOf(page: string): Section {
  return SECTIONS.find((s) => s.routes.some((r) => r.page === page)) ?? SECTIONS[0];
}

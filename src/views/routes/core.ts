import OverviewPage from '../OverviewPage.svelte';
import WeightsPage from '../WeightsPage.svelte';
import PeoplePage from '../PeoplePage.svelte';
import PersonPage from '../PersonPage.svelte';
import ExportPage from '../ExportPage.svelte';
import DataPage from '../DataPage.svelte';
import { C } from '../../lib/i18n/messages/common';
import type { Route } from './route';

export const OVERVIEW: Route = { page: 'overview', label: C.navOverview, component: OverviewPage, nav: true };
export const WEIGHTS: Route = { page: 'weights', label: C.navWeights, component: WeightsPage, nav: true };
export const PEOPLE: Route = { page: 'people', label: C.navPeople, component: PeoplePage, nav: true };
export const PERSON: Route = { page: 'person', label: C.navPerson, component: PersonPage, nav: false };
export const EXPORT: Route = { page: 'export', label: C.navExport, component: ExportPage, nav: true };
export const DATA: Route = { page: 'data', label: C.navData, component: DataPage, nav: true };

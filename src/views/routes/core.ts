import OverviewPage from '../OverviewPage.svelte';
import WeightsPage from '../WeightsPage.svelte';
import PeoplePage from '../PeoplePage.svelte';
import PersonPage from '../PersonPage.svelte';
import ExportPage from '../ExportPage.svelte';
import DataPage from '../DataPage.svelte';
import { commonText } from '../../lib/i18n/messages/common';
import type { Route } from './route';

export const OVERVIEW: Route = { page: 'overview', label: commonText.navOverview, component: OverviewPage, nav: true };
export const WEIGHTS: Route = { page: 'weights', label: commonText.navWeights, component: WeightsPage, nav: true };
export const PEOPLE: Route = { page: 'people', label: commonText.navPeople, component: PeoplePage, nav: true };
export const PERSON: Route = { page: 'person', label: commonText.navPerson, component: PersonPage, nav: false };
export const EXPORT: Route = { page: 'export', label: commonText.navExport, component: ExportPage, nav: true };
export const DATA: Route = { page: 'data', label: commonText.navData, component: DataPage, nav: true };

/**
 * The "results in use" pages for the shell's navigation and hash router. `page` is the hash
 * segment (`#/bonus`, `#/report/PS1001`, `#/report-team/华东售前部`); pages read their
 * parameter from `router.param`. `nav: false` pages are reached through links, not the menu.
 */
import type { Component } from 'svelte';
import type { Text } from '../../lib/i18n/i18n.svelte';
import { resultsText } from '../../lib/i18n/messages/results';
import BonusPage from '../BonusPage.svelte';
import ListsPage from '../ListsPage.svelte';
import MeetingsPage from '../MeetingsPage.svelte';
import ReportPage from '../ReportPage.svelte';
import TeamReportPage from '../results/TeamReportPage.svelte';

/** `RESULTS_ROUTES.filter((r) => r.nav)` → bonus, lists, meetings, report (in menu order). */
export const RESULTS_ROUTES: { page: string; label: Text; component: Component; nav: boolean }[] = [
  { page: 'bonus', label: resultsText.navBonus, component: BonusPage, nav: true },
  { page: 'lists', label: resultsText.navLists, component: ListsPage, nav: true },
  { page: 'meetings', label: resultsText.navMeetings, component: MeetingsPage, nav: true },
  { page: 'report', label: resultsText.navReport, component: ReportPage, nav: true },
  { page: 'report-team', label: resultsText.navTeamReport, component: TeamReportPage, nav: false },
];

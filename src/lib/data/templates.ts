/**
 * Downloadable CSV templates, one per input kind: the header in Chinese aliases (what HR
 * types into Excel) and two example rows that import without an issue. UTF-8 with BOM and
 * CRLF, so Excel on Chinese Windows opens the Chinese text correctly.
 */
import type { Kind } from '../engine/dataset';
import { SCHEMAS } from './schema';

/** Example rows per kind, in the header's column order (metrics: 工号, 期间, then two metric columns). */
const EXAMPLES: Record<Kind, { extraHeader?: string[]; rows: string[][] }> = {
  staff: { rows: [
    ['PS1001', '张伟', '中级', '行业解决方案', '华东售前部', '周经理', '28000', '2023-04-01', ''],
    ['PS1002', '李娜', '资深', '产品专家', '华北售前部', '吴经理', '45000', '2019-09-16', ''],
  ] },
  projects: { rows: [
    ['P2026001', 'PS1001', '主导', 'C20001', '金融', '1200000', '中标', '2026-03-31', '是', '5', '4'],
    ['P2026001', 'PS1002', '支撑', 'C20001', '金融', '1200000', '中标', '2026-03-31', '是', '2', '1'],
  ] },
  requests: { rows: [
    ['R000001', 'PS1001', '投标', '2026-03-02 09:30', '2026-03-02 11:00', '2026-03-03 18:00', '86'],
    ['R000002', 'PS1002', '技术咨询', '2026-03-05 14:00', '2026-03-05 16:20', '', ''],
  ] },
  reviews: { rows: [
    ['V00001', 'PS1001', '需求调研报告', '2026-03-10', '88', ''],
    ['V00002', 'PS1002', '解决方案', '2026-03-12', '', '是'],
  ] },
  ratings: { rows: [
    ['PS1001', '2026-03-20', '销售满意度', '4.5', '5'],
    ['PS1002', '2026-03-25', '行业知识测试', '92', '100'],
  ] },
  activities: { rows: [
    ['PS1001', '2026-03-03', '客户拜访/技术交流', '2'],
    ['PS1002', '2026-03-18', '知识库贡献', '1'],
  ] },
  metrics: { extraHeader: ['项目中标率', '客户拜访次数'], rows: [
    ['PS1001', '2026Q1', '62.5', '12'],
    ['PS1002', '2026Q1', '', '9'],
  ] },
  holidays: { rows: [
    ['2026-01-01', '假日'],
    ['2026-01-04', '调休上班'],
  ] },
};

const cell = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);

/**
 * The template file of one kind. `templateCsv('holidays')` → '\uFEFF日期,类型\r\n2026-01-01,假日\r\n…'.
 */
export function templateCsv(kind: Kind): string {
  const ex = EXAMPLES[kind];
  const header = [...SCHEMAS[kind].columns.map((c) => c.zh), ...(ex.extraHeader ?? [])];
  return '\uFEFF' + [header, ...ex.rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}

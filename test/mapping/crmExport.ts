/**
 * A CRM export of the sample's projects (test/fixtures/sample/projects.csv) with the CRM's own
 * column names and words (字段映射 tests: unit, scorer and end-to-end): the same rows, the
 * header renamed, role and status written as the CRM writes them, and a column the app ignores.
 */
import Papa from 'papaparse';

export const CRM_HEADER = ['商机编号', '负责人工号', '参与角色', '客户ID', '所属行业', '合同金额', '商机阶段', '赢单日期', '是否战略', '提交方案数', '采纳方案数', '备注'];
/** The app's column for each CRM column (null: ignored). */
export const CRM_KEYS = ['project_id', 'staff_id', 'role', 'customer_id', 'industry', 'amount', 'status', 'decided_on', 'strategic', 'proposals_made', 'proposals_adopted', null];
export const CRM_STATUS: Record<string, string> = { won: '赢单(已签约)', lost: '丢失', open: '跟进', cancelled: '关闭' };
export const CRM_ROLE: Record<string, string> = { lead: '负责人', support: '协助' };

/** The CRM's rows (header first) from the text of the sample's projects.csv. */
export function crmRows(projectsCsv: string): string[][] {
  const rows = Papa.parse<string[]>(projectsCsv.trimEnd(), { header: false }).data;
  return [CRM_HEADER, ...rows.slice(1).map((r) => [
    r[0], r[1], CRM_ROLE[r[2]] ?? r[2], r[3], r[4], r[5], CRM_STATUS[r[6]] ?? r[6], r[7], r[8] === 'true' ? '是' : r[8] === 'false' ? '否' : r[8], r[9], r[10], '来自CRM',
  ])];
}

/**
 * What other systems call the app's columns and values: the header names CRM, HR and survey
 * exports (销售易, 纷享销客, Salesforce, 钉钉/飞书 tables) use, and the categorical values they
 * write. The mapping proposal (mappingProposal.ts) reads these tables; the schema's own keys and
 * Chinese aliases (schema.ts) count as names too and need not be repeated here.
 */

/**
 * Further header names per column key, written as `headerName` leaves them (lower case, `_`
 * for spaces). A key shared by several kinds (`type`, `date`, `kind`) shares its names.
 */
export const COLUMN_SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  staff_id: [
    '员工编号', '员工号', '员工工号', '人员编号', '工号id', '负责人', '负责人工号', '负责人编号', '售前', '售前工号', '售前顾问',
    '售前人员', '售前负责人', '顾问', '顾问工号', '所有人', 'owner', 'owner_id', 'employee_id', 'employee_no', 'emp_id', 'emp_no',
    'staff_no', 'user_id', 'presales', 'presales_id', 'consultant', 'assigned_to',
  ],
  name: ['员工姓名', '名字', '人员姓名', '售前姓名', 'full_name', 'employee_name', 'staff_name'],
  level: ['级别', '职级等级', '岗位级别', '职称', 'grade', 'job_level', 'seniority', 'rank'],
  domain: ['岗位方向', '专业方向', '业务方向', '类别', 'track', 'specialty', 'speciality', 'function'],
  team: ['部门', '所属部门', '团队名称', '小组', 'department', 'dept', 'group'],
  manager: ['经理', '上级', '直接上级', '主管', 'line_manager', 'supervisor', 'reports_to'],
  salary: ['薪资', '工资', '基本工资', '月工资', 'monthly_salary', 'base_salary', 'pay'],
  hired_on: ['入职时间', '入职', 'hire_date', 'start_date', 'joined_on', 'date_hired'],
  left_on: ['离职时间', '离职', 'leave_date', 'end_date', 'termination_date'],
  project_id: [
    '商机编号', '商机id', '商机号', '项目id', '项目号', '机会编号', '销售机会编号', 'opportunity_id', 'opportunity', 'opportunity_no',
    'opp_id', 'deal_id', 'project', 'project_no',
  ],
  role: ['项目角色', '参与角色', '担任角色', 'project_role', 'position'],
  customer_id: ['客户id', '客户号', '客户代码', '客户', '客户名称', 'account_id', 'account', 'customer', 'client_id', 'client'],
  industry: ['所属行业', '行业类别', '客户行业', 'vertical', 'sector'],
  amount: ['商机金额', '合同金额', '项目金额', '预计金额', '销售金额', '签约金额', 'deal_amount', 'deal_value', 'value', 'contract_amount', 'revenue'],
  status: ['商机阶段', '阶段', '商机状态', '项目状态', '结果', '赢单状态', 'stage', 'opportunity_stage', 'deal_stage', 'result', 'outcome'],
  decided_on: ['结单日期', '关单日期', '成交日期', '赢单日期', '结束日期', '决标日期', 'close_date', 'closed_on', 'decision_date', 'closed_date'],
  strategic: ['是否战略项目', '战略', '战略客户', 'is_strategic', 'strategic_project', 'key_account'],
  proposals_made: ['建议数', '提出建议数', '方案建议', '提交方案数', '提交建议数', '方案数', 'proposals', 'suggestions_made'],
  proposals_adopted: ['采纳数', '被采纳建议数', '建议采纳数', '采纳方案数', '方案采纳数', 'adopted', 'suggestions_adopted'],
  request_id: ['工单编号', '工单号', '申请编号', '需求编号', 'ticket_id', 'ticket', 'case_id', 'request_no'],
  type: ['类别', '请求类型', '支持类型', '活动类型', '工单类型', 'category', 'request_type', 'activity_type', 'kind'],
  requested_at: ['提交时间', '申请时间', '创建时间', '请求日期', 'created_at', 'submitted_at', 'opened_at', 'request_time'],
  responded_at: ['首次响应时间', '响应日期', '受理时间', 'first_response_at', 'response_time', 'acknowledged_at'],
  delivered_at: ['完成时间', '交付日期', '关闭时间', 'completed_at', 'closed_at', 'resolved_at', 'delivery_time'],
  bid_score: ['技术分', '技术得分', '标书得分', 'technical_score', 'tech_score'],
  review_id: ['评审号', '评审id', 'review_no'],
  kind: ['评审类别', '评审类型', '文档类型', '日期类型', 'review_type', 'doc_type', 'day_type'],
  reviewed_on: ['评审时间', '评审日', 'review_date'],
  completeness: ['完整性', '完整度得分', 'completeness_score'],
  first_pass: ['是否一次通过', '首次通过', 'passed_first_time', 'first_time_pass'],
  rated_on: ['评价日期', '打分日期', '调查日期', '评分时间', 'survey_date', 'rating_date', 'date_rated'],
  source: ['评分来源', '评价来源', '调查类型', '评价类型', 'rating_source', 'survey', 'survey_type'],
  score: ['得分', '评分', '分值', '评价分', 'rating', 'points'],
  scale_max: ['满分值', '最高分', '总分', 'max_score', 'scale', 'out_of'],
  date: ['活动日期', '发生日期', '时间', 'day', 'activity_date'],
  count: ['次数', '数量合计', '个数', 'times', 'quantity', 'qty', 'number'],
  period: ['考核期间', '考核周期', '季度', '周期', 'quarter', 'term'],
};

/**
 * Further cell values per column key and code: what exports write for the app's codes
 * (compared lower-cased and trimmed). The schema's codes, labels and synonyms are accepted
 * by the import without a mapping; these become the value mapping's proposals.
 */
export const VALUE_SYNONYMS: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  status: {
    won: ['赢', '已赢单', '赢单关闭', '已成交', '签约', '已签约', '中标关闭', '成功', 'closed won', 'closed-won', 'win', 'success'],
    lost: ['输', '丢失', '已输单', '输单关闭', '失败', '未成交', '落标', 'closed lost', 'closed-lost', 'lose', 'loss', 'failed'],
    open: ['进行', '跟进', '商机', '谈判中', '方案中', '报价中', '投标中', '立项', '在途', 'in progress', 'negotiation', 'proposal', 'pending', 'active'],
    cancelled: ['取消', '作废', '终止', '客户取消', 'canceled', 'abandoned', 'void', 'dropped'],
  },
  level: {
    junior: ['初', '助理', '专员', 'p1', 'p2', 'l1', 'l2', 'entry', 'associate'],
    mid: ['中', '主管', 'p3', 'p4', 'l3', 'l4', 'intermediate', 'middle', 'regular'],
    senior: ['资深级', '专家', '高', 'p5', 'p6', 'l5', 'l6', 'principal', 'expert', 'lead'],
  },
  role: {
    lead: ['负责人', '主负责', '主责', '牵头', '主要', 'owner', 'primary', 'main'],
    support: ['协助', '协作', '参与', '辅助', '配合', 'assist', 'secondary', 'helper'],
  },
  domain: {
    industry_solution: ['行业方案', '解决方案', '行业', 'solution', 'industry'],
    product_expert: ['产品', '产品经理', '产品方向', 'product'],
    consulting: ['咨询', '顾问', '咨询顾问', 'consultant', 'advisory'],
  },
  type: {
    consultation: ['咨询', '技术支持', '答疑', 'consulting', 'question', 'support'],
    solution: ['方案编写', '方案支持', '解决方案', 'proposal'],
    bid: ['标书', '招投标', '应标', 'tender', 'rfp'],
  },
  kind: {
    research_report: ['调研报告', '需求调研', '需求报告', 'research', 'report'],
    solution: ['方案', '解决方案评审', 'solution_review'],
    holiday: ['假期', '法定节假日', '休', 'off', 'day_off'],
    workday: ['工作日', '班', 'working_day', 'work'],
  },
  source: {
    sales_support: ['销售评价', '销售', '销售反馈', 'sales'],
    cross_team: ['协作', '跨部门', '跨团队', 'peer', 'cross_department'],
    customer: ['客户', '客户评价', '客户反馈', 'client'],
    assessment: ['方案考核', '考核', '方案评分', 'exam'],
    knowledge_test: ['知识测试', '行业测试', '测验', 'quiz', 'test'],
  },
  boolean: {
    true: ['√', '✓', '对', '有', '已通过', '通过', '战略', 'checked'],
    false: ['×', '✗', '无', '不是', '未通过', '不通过', '非战略', 'unchecked'],
  },
};

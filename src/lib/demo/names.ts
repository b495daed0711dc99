/**
 * Vocabulary for the synthetic data: Chinese personal names, teams and industries. Kept
 * apart from the generators so their code reads as the data model, not as word lists.
 */
import type { Random } from './random';

/** Common surnames, most frequent first; the weights follow that order roughly. */
const SURNAMES = [
  '王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '高', '林', '罗',
  '郑', '梁', '谢', '宋', '唐', '许', '韩', '冯', '邓', '曹', '彭', '曾', '肖', '田', '董', '袁', '潘', '于', '蒋', '蔡',
  '余', '杜', '叶', '程', '苏', '魏', '吕', '丁', '任', '沈', '姚', '卢', '姜', '崔', '钟', '谭', '陆', '汪', '范', '金',
  '石', '廖', '贾', '夏', '韦', '付', '方', '白', '邹', '孟', '熊', '秦', '邱', '江', '尹', '薛', '闫', '段', '雷', '侯',
  '欧阳', '司马', '上官',
] as const;
const SURNAME_WEIGHTS = SURNAMES.map((s, i) => (s.length > 1 ? 0.15 : 12 / (i + 6)));

/** Characters common in given names (both single and double given names draw from here). */
const GIVEN = [
  '伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀', '霞', '平',
  '刚', '桂', '英', '华', '建', '文', '辉', '鹏', '宇', '浩', '晨', '思', '雨', '欣', '佳', '怡', '博', '睿', '子', '梓',
  '涵', '轩', '萱', '琳', '晓', '婷', '倩', '雪', '慧', '颖', '志', '海', '峰', '亮', '斌', '凯', '帆', '嘉', '俊', '然',
  '一', '航', '昊', '泽', '瑶', '璐', '婧', '蕾', '凡', '楠', '彤', '昕', '悦', '铭', '哲', '骏', '韬', '毅', '珂', '翔',
] as const;

/**
 * A plausible Chinese full name: a surname and one or two given-name characters.
 * @example chineseName(new Random(1)); // e.g. '陈思远'
 */
export function chineseName(rng: Random): string {
  const surname = rng.weighted(SURNAMES, SURNAME_WEIGHTS);
  const first = rng.pick(GIVEN);
  if (rng.chance(0.3)) return surname + first;
  let second = rng.pick(GIVEN);
  while (second === first) second = rng.pick(GIVEN);
  return surname + first + second;
}

/** The four demo teams (spec §1 `team`), with the region each sells into. */
export const DEMO_TEAMS = ['华东售前部', '华北售前部', '华南售前部', '行业解决方案中心'] as const;

/** Industries as a Chinese CRM spells them; the first ones are the big presales markets. */
export const INDUSTRIES = ['金融', '政务', '制造', '医疗', '教育', '能源', '零售', '互联网', '电信', '交通'] as const;
/** Relative number of customers per industry (financial and government dominate B2B software in China). */
export const INDUSTRY_WEIGHTS = [22, 20, 16, 9, 8, 8, 6, 5, 4, 2] as const;

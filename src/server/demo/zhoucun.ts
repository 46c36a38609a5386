import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { z } from 'zod';
import type { OrganisationInput, UnitInput } from '../modules/organisations/import-tree';

/**
 * The 周村区 demonstration tree. Division codes (GB/T 2260) are given for the province,
 * city and district; town-level codes are left empty rather than guessed.
 */
export const zhoucunId = '370306';
export const zhoucunOfficeId = 'zhoucun-committee-office';

export const zhoucunOrganisations: OrganisationInput[] = [
  { id: '370000', parentId: null, name: '山东省', kind: 'province', divisionCode: '370000' },
  { id: '370300', parentId: '370000', name: '淄博市', kind: 'city', divisionCode: '370300' },
  { id: zhoucunId, parentId: '370300', name: '周村区', kind: 'county', divisionCode: '370306' },
  { id: 'zhoucun-safety-committee', parentId: zhoucunId, name: '周村区人民政府安全生产委员会', kind: 'body', divisionCode: null },
  { id: zhoucunOfficeId, parentId: 'zhoucun-safety-committee', name: '周村区安全生产委员会办公室', kind: 'body', divisionCode: null },
  { id: 'zhoucun-dajie', parentId: zhoucunId, name: '大街街道', kind: 'town', divisionCode: null },
  { id: 'zhoucun-qingnianlu', parentId: zhoucunId, name: '青年路街道', kind: 'town', divisionCode: null },
  { id: 'zhoucun-yonganjie', parentId: zhoucunId, name: '永安街街道', kind: 'town', divisionCode: null },
  { id: 'zhoucun-sichoulu', parentId: zhoucunId, name: '丝绸路街道', kind: 'town', divisionCode: null },
  { id: 'zhoucun-beijiao', parentId: zhoucunId, name: '北郊镇', kind: 'town', divisionCode: null },
  { id: 'zhoucun-nanjiao', parentId: zhoucunId, name: '南郊镇', kind: 'town', divisionCode: null },
  { id: 'zhoucun-wangcun', parentId: zhoucunId, name: '王村镇', kind: 'town', divisionCode: null },
  { id: 'zhoucun-kaifaqu', parentId: zhoucunId, name: '周村经济开发区', kind: 'town', divisionCode: null },
];

/** The territorial unit's area in the tree, by the unit's name. */
const areaByUnitName: Record<string, string> = {
  王村镇政府: 'zhoucun-wangcun',
  经济开发区管委会: 'zhoucun-kaifaqu',
  青年路街道办事处: 'zhoucun-qingnianlu',
  北郊镇政府: 'zhoucun-beijiao',
  丝绸路街道办事处: 'zhoucun-sichoulu',
  永安街街道办事处: 'zhoucun-yonganjie',
  南郊镇政府: 'zhoucun-nanjiao',
  大街街道办事处: 'zhoucun-dajie',
};

const unitsFileSchema = z.object({
  units: z.array(
    z.object({
      id: z.string().min(1),
      name: z.string().min(1),
      category: z.enum(['territorial', 'department', 'stationed']),
      regulates: z.array(z.string()).optional(),
    }).loose(),
  ).min(1),
});

export const zhoucunUnitsFile = fileURLToPath(new URL('../../../examples/zhoucun-2014/units.yaml', import.meta.url));

/** The 38 assessed units, in published order, from the example data set. */
export function zhoucunUnits(file = zhoucunUnitsFile): UnitInput[] {
  if (!existsSync(file)) throw new Error(`找不到演示数据 ${file}。`);
  const parsed = unitsFileSchema.safeParse(parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file} 格式不正确：${parsed.error.issues[0]?.message ?? ''}`);
  return parsed.data.units.map((u) => ({
    id: u.id,
    name: u.name,
    category: u.category,
    sectors: u.regulates ?? [],
    areaOrganisationId: areaByUnitName[u.name] ?? null,
  }));
}

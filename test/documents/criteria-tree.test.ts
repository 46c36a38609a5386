import { describe, expect, it } from 'vitest';
import type { CriterionInput } from '../../src/domain/scheme/schema';
import { criteriaFromRows, deductionFromStandard } from '../../src/server/documents/criteria-tree';
import type { CriterionRow } from '../../src/server/documents/xlsx-import';

let line = 1;
function row(path: string, name: string, points: number, method: CriterionRow['method'] = 'manual', standard: string | null = null, categories: string[] = []): CriterionRow {
  line += 1;
  return {
    path, parentPath: path.includes('.') ? path.slice(0, path.lastIndexOf('.')) : null, name, pointsHundredths: points * 100, method, standard, categories,
    at: { sheet: '考核细则', row: line, columns: { path: 'A', method: 'D', standard: 'E', categories: 'F' } },
  };
}
const categories = [{ id: 'territorial', name: '属地' }, { id: 'department', name: '部门' }];
const current: CriterionInput[] = [{
  id: '6', name: '应急管理', points: 20, scoredOutOf: 100, children: [
    { id: '6.1', name: '隐患按期整改销号率', points: 10, method: { type: 'formula', metric: 'hazardOnTimeClosureRate', rule: { kind: 'perUnitShortfall', direction: 'atLeast', target: 95, perUnit: 0.1, unit: 1, partial: 'exact' } } },
    { id: '6.2', name: '事故信息报送', points: 10, notApplicableAllowed: true, method: { type: 'deduction', perOccurrence: 5, variable: true } },
  ],
}];

describe('the criteria tree from a 考核细则 sheet', () => {
  it('nests by number, maps categories by name, reads a deduction from its standard, keeps what the sheet cannot hold', () => {
    const r = criteriaFromRows([
      row('1', '组织领导', 15), row('1.1', '安委会例会', 5, 'deduction', '少开一次扣1分；每次扣1分'), row('1.2', '责任制', 10, 'passFail', null, ['属地']),
      row('6', '应急管理', 20), row('6.1', '隐患按期整改销号率', 10, 'formula'), row('6.2', '事故信息报送', 10, 'deduction', '迟报每起扣5分'),
    ], current, categories);
    expect(r).toEqual({ ok: true, criteria: [
      { id: '1', name: '组织领导', points: 15, children: [
        { id: '1.1', name: '安委会例会', points: 5, description: '少开一次扣1分；每次扣1分', method: { type: 'deduction', perOccurrence: 1, variable: false } },
        { id: '1.2', name: '责任制', points: 10, appliesTo: ['territorial'], method: { type: 'passFail' } },
      ] },
      { id: '6', name: '应急管理', points: 20, scoredOutOf: 100, children: [
        { id: '6.1', name: '隐患按期整改销号率', points: 10, method: current[0]!.children![0]!.method },
        { id: '6.2', name: '事故信息报送', points: 10, description: '迟报每起扣5分', notApplicableAllowed: true, method: { type: 'deduction', perOccurrence: 5, variable: true } },
      ] },
    ] });
  });

  it('refuses on its cell what it cannot build: a new formula, a deduction without its points, an unknown category', () => {
    const r = criteriaFromRows([
      row('1', '组织领导', 15), row('1.1', '新公式', 5, 'formula'), row('1.2', '扣分', 5, 'deduction', '视情节扣分'), row('1.3', '其他', 5, 'manual', null, ['驻区单位']),
    ], current, categories);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.issues.map((i) => [i.row, i.column, i.message])).toEqual([
      [line - 2, 'D', '公式类细则 1.1 的指标和计算规则无法从表格读取，须先在方案文件中写明'],
      [line - 1, 'E', '扣分类细则 1.2 须在评分标准中写明每次扣几分（如“每次扣1分”），或先在方案文件中写明'],
      [line, 'F', '适用类别“驻区单位”不是方案中的类别（属地、部门）'],
    ]);
  });

  it('reads the points of one occurrence only when the standard names one', () => {
    expect(deductionFromStandard('每次扣1分')).toBe(1);
    expect(deductionFromStandard('每处扣0.5分，每处扣0.5分')).toBe(0.5);
    expect(deductionFromStandard('扣2分/次')).toBe(2);
    expect(deductionFromStandard('每次扣1分，每起扣2分')).toBeNull();
    expect(deductionFromStandard('酌情扣分')).toBeNull();
    expect(deductionFromStandard(null)).toBeNull();
  });
});

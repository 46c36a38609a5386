import { describe, expect, it } from 'vitest';
import { describeWorkbook, displayWidth, readWorkbookTables } from '../../src/server/documents/xlsx-adapter';
import {
  buildAccidentRegisterWorkbook, buildIndicatorReportsWorkbook, buildResultsWorkbook,
} from '../../src/server/documents/xlsx-export';
import type { ResultsRow } from '../../src/server/documents/xlsx-export';
import { loadExpected } from './zhoucun-fixture';

const expected = loadExpected();
const rows: ResultsRow[] = expected.rows.map((row) => ({
  ...row,
  vetoed: row.score === null,
  rank: row.score === null ? null : expected.rows.filter((other) => other.score !== null && other.score > row.score!).length + 1,
  grade: row.score === null ? '不合格' : row.score >= 90 ? '优秀' : '合格',
}));
const workbook = await buildResultsWorkbook({ campaign: { name: '2014年度安全生产目标管理考核', year: 2014 }, threshold: 80, rows });

describe('results workbook', () => {
  it('holds the published table plus category, rank, grade and veto, row for row', async () => {
    const sheet = (await readWorkbookTables(workbook)).get('考核结果') ?? [];
    expect(sheet[0]?.values).toEqual(['序号', '单位', '单位类别', '考核分数', '奖励金额（元）', '备注', '排名', '等次', '一票否决']);
    expect(sheet.slice(1).map((r) => r.values)).toEqual(rows.map((row) => {
      const out = [row.seq, row.unit, row.category, row.score, row.reward, row.remark === '' ? null : row.remark, row.rank, row.grade, row.vetoed ? '是' : '否'];
      while (out.length > 0 && out[out.length - 1] === null) out.pop();
      return out;
    }));
    expect(sheet[1]?.values.slice(0, 7)).toEqual([1, '王村镇政府', '属地', 95, 6000, null, 1]);
    expect(sheet[35]?.values).toEqual([35, '南郊镇政府', '属地', null, null, '辖区发生较大生产安全事故，实施一票否决', null, '不合格', '是']);
  });

  it('totals each category in exact hundredths, vetoed units counted but not scored', async () => {
    const totals = (await readWorkbookTables(workbook)).get('分类汇总') ?? [];
    expect(totals[0]?.values).toEqual(['单位类别', '被考核单位数', '达到分数线单位数', '达标率', '一票否决单位数', '平均分（不含否决）', '总分（不含否决）', '奖励金额合计（元）']);
    expect(totals.slice(1).map((r) => r.values)).toEqual([
      ['属地', 8, 6, 0.75, 2, 93.17, 559, 31600],
      ['部门', 30, 28, 28 / 30, 2, 90, 2520, 28000],
      ['合计', 38, 34, 34 / 38, 4, 90.56, 3079, 59600],
    ]);
  });

  it('freezes the header row, formats numbers and fits the column widths', async () => {
    const [results, totals] = await describeWorkbook(workbook);
    expect(results?.frozenRows).toBe(1);
    expect(totals?.frozenRows).toBe(1);
    expect(results?.numFmts).toEqual(['0', undefined, undefined, '0.00', '#,##0', undefined, '0', undefined, undefined]);
    const longestRemark = Math.max(...rows.map((row) => displayWidth(row.remark)));
    expect(results?.widths[5]).toBeGreaterThanOrEqual(longestRemark);
    expect(results?.widths[1]).toBeGreaterThanOrEqual(displayWidth('经济开发区管委会'));
    expect(results?.widths[1]).toBeLessThan(30);
  });
});

describe('indicator reports and accident register', () => {
  it('computes use of the ceiling and pace against the share of the year elapsed', async () => {
    const buffer = await buildIndicatorReportsWorkbook([
      { unit: '王村镇政府', indicator: '生产安全事故死亡人数', period: '2014-08', ceiling: 14, actual: 2, cumulative: 11, yearElapsed: 8 / 12, deadline: new Date('2014-09-02T00:00:00Z'), reportedOn: new Date('2014-09-02T00:00:00Z'), reportStatus: '按时报送' },
      { unit: '区安监局', indicator: '较大事故起数', period: '2014-08', ceiling: 0, actual: 0, cumulative: 0, yearElapsed: 8 / 12, deadline: new Date('2014-09-02T00:00:00Z'), reportedOn: null, reportStatus: '未报送' },
      { unit: '北郊镇政府', indicator: '生产安全事故死亡人数', period: '2014-08', ceiling: 3, actual: 2, cumulative: 4, yearElapsed: 8 / 12, deadline: new Date('2014-09-02T00:00:00Z'), reportedOn: null, reportStatus: '未报送' },
    ]);
    const sheet = (await readWorkbookTables(buffer)).get('控制指标报表') ?? [];
    expect(sheet.slice(1).map((r) => [r.values[6], r.values[8], r.values[9]])).toEqual([[11 / 14, '超进度', '否'], [null, '正常', '否'], [4 / 3, '已突破', '是']]);
    expect(sheet.slice(1).map((r) => r.values[12])).toEqual(['按时报送', '未报送', '未报送']);
    expect((await describeWorkbook(buffer))[0]?.numFmts[6]).toBe('0.00%');
  });

  it('lists accidents with grades in Chinese', async () => {
    const buffer = await buildAccidentRegisterWorkbook([{
      occurredAt: new Date('2014-05-06T08:30:00Z'), place: '南郊镇某厂', territorialUnit: '南郊镇政府', regulatingUnit: '区经信局', sector: '工贸',
      accidentGrade: 'larger', deaths: 3, seriousInjuries: 0, directLoss: 2_100_000, liability: true, summary: '机械伤害',
    }]);
    const sheet = (await readWorkbookTables(buffer)).get('事故台账') ?? [];
    expect(sheet[0]?.values).toEqual(['序号', '事故编号', '发生时间', '地点', '事故单位', '事发属地单位', '行业监管部门', '行业领域', '事故等级', '死亡人数', '重伤人数（含急性工业中毒）', '直接经济损失（元）', '责任事故', '事故简况']);
    expect(sheet[1]?.values.slice(3)).toEqual(['南郊镇某厂', null, '南郊镇政府', '区经信局', '工贸', '较大', 3, 0, 2_100_000, '是', '机械伤害']);
    expect((await describeWorkbook(buffer))[0]?.frozenRows).toBe(1);
  });
});

import { describe, expect, it } from 'vitest';
import { buildAgreementDocx } from '../../src/server/documents/agreement-docx';
import { buildScoreSheetsDocx } from '../../src/server/documents/score-sheet-docx';
import { mm } from '../../src/server/documents/gbt9704';
import { bodyParagraphsXml, docxPart, paragraphText, tables } from './ooxml';
import { sampleAgreement, sampleScoreSheet } from './zhoucun-fixture';

describe('agreement (责任书) DOCX', () => {
  it('carries the parties, numbered sections, the control indicators table and both signatories', async () => {
    const xml = await docxPart(await buildAgreementDocx(sampleAgreement()));
    const texts = bodyParagraphsXml(xml).map(paragraphText).filter((t) => t !== '');
    expect(texts.slice(0, 3)).toEqual(['2014年度安全生产目标管理责任书', '甲方：周村区人民政府', '乙方：王村镇政府']);
    expect(texts.filter((t) => /^[一二三四五]、/.test(t))).toEqual(['一、责任目标', '二、控制指标', '三、重点工作任务', '四、考核与奖惩', '五、责任期限']);
    expect(texts).toContain('2.开展冬季安全隐患大排查大整治。');
    expect(texts).toContain('本责任书自2014年1月1日起至2014年12月31日止。本责任书一式两份，甲乙双方各执一份。');
    const [indicators, signatures] = tables(xml);
    expect(indicators?.map((r) => r.cells)).toEqual([['序号', '控制指标', '控制数'], ['1', '较大及以上生产安全事故', '0起'], ['2', '生产安全事故死亡人数', '不超过2人'], ['3', '道路交通事故死亡人数', '不超过3人']]);
    expect(signatures?.[0]?.cells).toEqual(['甲方（盖章）：周村区人民政府区长（签字）：2014年2月20日', '乙方（盖章）：王村镇政府主要负责人（签字）：分管负责人（签字）：2014年2月20日']);
    expect(xml).toContain(`w:top="${mm(37)}"`);
  });
});

describe('score sheet DOCX', () => {
  it('puts each unit on its own page with items, totals, veto, grade, reward and trace lines', async () => {
    const vetoed = { ...sampleScoreSheet('南郊镇政府'), totals: { standard: 100, earned: 88, score: null }, vetoReason: '辖区发生较大生产安全事故', grade: '不合格', reward: null, trace: ['一票否决：5月6日南郊镇某厂较大事故（死亡3人）。'] };
    const xml = await docxPart(await buildScoreSheetsDocx([sampleScoreSheet(), vetoed]));
    const [first, second] = tables(xml);
    expect(first?.[0]?.cells).toEqual(['编号', '考核项目', '标准分', '得分', '扣分说明']);
    expect(first?.[0]?.xml).toContain('<w:tblHeader/>');
    expect(first?.[1]?.cells).toEqual(['1', '组织领导与责任落实', '20', '19', '安委会会议记录不全扣1分']);
    expect(first?.at(-1)?.cells).toEqual(['合计', '100', '95', '']);
    expect(second?.at(-1)?.cells).toEqual(['合计', '100', '88', '']);
    const texts = bodyParagraphsXml(xml).map(paragraphText);
    expect(texts).toContain('考核分数：95');
    expect(texts).toContain('等次：优秀\u3000\u3000奖励金额：6000元');
    expect(texts).toContain('考核分数：—（一票否决：辖区发生较大生产安全事故）');
    expect(texts).toContain('等次：不合格\u3000\u3000奖励金额：—');
    expect(texts).toContain('奖励金额 6000元 = 400元 × (95 − 80)（属地单位，分数在80分以上且未突破控制指标）。');
    expect(texts).toContain('一票否决：5月6日南郊镇某厂较大事故（死亡3人）。');
    const titles = bodyParagraphsXml(xml).filter((p) => paragraphText(p) === '2014年度安全生产目标管理考核评分表');
    expect(titles.map((p) => p.includes('<w:pageBreakBefore/>'))).toEqual([false, true]);
  });

  it('refuses an empty list', async () => {
    await expect(buildScoreSheetsDocx([])).rejects.toThrow('没有要生成评分表的单位');
  });
});

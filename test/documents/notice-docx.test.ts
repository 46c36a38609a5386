import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { buildNoticeDocx, composeNotice, formatPercent, formatScore } from '../../src/server/documents/notice-docx';
import { DEFAULT_NOTICE_TEMPLATE, NoticeTemplateError, renderNoticeTemplate } from '../../src/server/documents/notice-template';
import { mm } from '../../src/server/documents/gbt9704';
import { bodyParagraphsXml, docxPart, paragraphText, tables } from './ooxml';
import { loadExpected, seedNoticeText, zhoucunNotice, zhoucunTable, zhoucunTemplate } from './zhoucun-fixture';

const expected = loadExpected();
const issued = await buildNoticeDocx(zhoucunNotice());
const documentXml = await docxPart(issued);

function paragraphs(): string[] {
  return bodyParagraphsXml(documentXml).map(paragraphText).map((t) => t.trim()).filter((t) => t !== '');
}

describe('通报 DOCX for the 2014 周村 campaign', () => {
  it('has the attachment table row for row as the acceptance file', () => {
    const [attachment] = tables(documentXml);
    expect(attachment).toBeDefined();
    const rows = attachment!.map((row) => row.cells);
    expect(rows[0]).toEqual(['序号', '单  位', '考核分数', '奖励金额（元）', '备   注']);
    expect(rows.slice(1)).toEqual(expected.rows.map((row) => [
      String(row.seq), row.unit, row.score === null ? '' : String(row.score), row.reward === null ? '' : String(row.reward), row.remark,
    ]));
  });

  it('repeats only the header row on every page and keeps rows whole', () => {
    const [attachment] = tables(documentXml);
    expect(attachment![0]!.xml).toContain('<w:tblHeader/>');
    expect(attachment!.slice(1).filter((row) => row.xml.includes('<w:tblHeader'))).toHaveLength(0);
    expect(attachment!.every((row) => row.xml.includes('<w:cantSplit/>'))).toBe(true);
  });

  it('states the statistics sentence with vetoed units in the denominator', () => {
    expect(paragraphs().some((p) => p.includes('在被考核的38个单位中，考核分数在80分以上的有34个，占89.47%。'))).toBe(true);
  });

  it('reproduces the wording of the issued notice from the 2014 template', () => {
    const seed = seedNoticeText().split('\n').map((line) => line.trim()).filter((line) => line !== '');
    const seedHead = seed.slice(0, seed.findIndex((line) => line.startsWith('附件：')) + 1);
    const generated = paragraphs();
    expect(generated.slice(0, seedHead.length)).toEqual(seedHead);
    // 版记: 抄送 (one logical line in the seed, broken by the page) and 印发.
    const imprint = tables(documentXml)[1]!.map((row) => row.cells.join(''));
    expect(imprint).toEqual(['抄送：区委各部门，区人大办，区政协办，区人武部，区法院，区检察院，各人民团体。', '周村区人民政府办公室\t2015年1月16日印发']);
  });

  it('declares A4, the GB/T 9704-2012 5.2.1 margins and the 22-line pitch', () => {
    expect(documentXml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    const margin = /<w:pgMar ([^>]*)\/>/.exec(documentXml)?.[1] ?? '';
    expect(margin).toContain(`w:top="${mm(37)}"`);
    expect(margin).toContain(`w:bottom="${mm(35)}"`);
    expect(margin).toContain(`w:left="${mm(28)}"`);
    expect(margin).toContain(`w:right="${mm(26)}"`);
    expect([mm(37), mm(35), mm(28), mm(26)]).toEqual([2098, 1984, 1587, 1474]);
    expect(documentXml).toMatch(/<w:docGrid [^>]*w:linePitch="579"/);
  });

  it('names the fonts and sizes of each element', () => {
    const byText = (start: string): string => bodyParagraphsXml(documentXml).find((p) => paragraphText(p).startsWith(start)) ?? '';
    expect(byText('关于2014年度')).toMatch(/w:eastAsia="方正小标宋简体"[\s\S]*<w:sz w:val="44"\/>/);
    expect(byText('近期，区政府安委会')).toMatch(/w:eastAsia="仿宋_GB2312"[\s\S]*<w:sz w:val="32"\/>/);
    expect(byText('近期，区政府安委会')).toMatch(/<w:spacing [^>]*w:line="579" w:lineRule="exact"/);
    // 28 characters a line (5.2.3): 三号 runs are condensed by 0.25 pt, the title is not.
    expect(byText('近期，区政府安委会')).toContain('<w:spacing w:val="-5"/>');
    expect(byText('关于2014年度')).not.toContain('<w:spacing w:val="-5"/>');
    expect(byText('一、基本情况')).toContain('w:eastAsia="黑体"');
    const level2 = byText('（一）安全生产监管责任进一步落实。');
    expect(level2.indexOf('楷体_GB2312')).toBeGreaterThan(-1);
    expect(level2.indexOf('仿宋_GB2312')).toBeGreaterThan(level2.indexOf('楷体_GB2312'));
    const attachmentLabel = bodyParagraphsXml(documentXml).find((p) => paragraphText(p) === '附件') ?? '';
    expect(attachmentLabel).toContain('<w:pageBreakBefore/>');
    expect(attachmentLabel).toContain('w:eastAsia="黑体"');
  });

  it('numbers pages "— N —" in 4号宋体, right on odd pages and left on even pages', async () => {
    const settings = await docxPart(issued, 'word/settings.xml');
    expect(settings).toContain('<w:evenAndOddHeaders/>');
    const rels = await docxPart(issued, 'word/_rels/document.xml.rels');
    const footerFor = async (type: string): Promise<string> => {
      const id = new RegExp(`<w:footerReference w:type="${type}" r:id="(rId\\d+)"`).exec(documentXml)?.[1];
      const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)?.[1];
      return docxPart(issued, `word/${target}`);
    };
    for (const [type, align] of [['default', 'right'], ['even', 'left']] as const) {
      const footer = await footerFor(type);
      expect(footer).toContain(`<w:jc w:val="${align}"/>`);
      expect(footer).toContain('w:eastAsia="宋体"');
      expect(footer).toContain('<w:sz w:val="28"/>');
      expect(footer).toMatch(/— [\s\S]*PAGE[\s\S]* —/);
    }
  });

  it('carries no watermark when issued, and 征求意见稿 on every page as a draft', async () => {
    expect(issued.includes(Buffer.from('征求意见稿'))).toBe(false);
    const draft = await buildNoticeDocx(zhoucunNotice({ draft: true, redHeader: { organisationMark: '周村区人民政府办公室文件', documentNumber: '周政办发〔2015〕3号' } }));
    const draftXml = await docxPart(draft);
    const headerIds = [...draftXml.matchAll(/<w:headerReference w:type="(default|even)" r:id="(rId\d+)"/g)];
    expect(headerIds.map((m) => m[1]).sort()).toEqual(['default', 'even']);
    const rels = await docxPart(draft, 'word/_rels/document.xml.rels');
    for (const [, , id] of headerIds) {
      const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)?.[1];
      expect(await docxPart(draft, `word/${target}`)).toContain('string="征求意见稿"');
    }
    const mark = bodyParagraphsXml(draftXml).find((p) => paragraphText(p) === '周村区人民政府办公室文件') ?? '';
    expect(mark).toContain('<w:color w:val="FF0000"/>');
    expect(mark).toContain('w:eastAsia="方正小标宋简体"');
    expect(bodyParagraphsXml(draftXml).some((p) => paragraphText(p) === '周政办发〔2015〕3号')).toBe(true);
    expect(draftXml).toMatch(/<w:bottom w:val="single" w:color="FF0000"/);
  });
});

describe('notice template', () => {
  const facts = { year: 2014, nextYear: 2015, campaign: 'c', threshold: 80, assessed: 38, atOrAboveThreshold: 34, passRatePercent: '89.47', vetoedCount: 0, vetoedUnits: '', vetoDetails: '' };

  it('refuses an unknown placeholder, naming it', () => {
    expect(() => renderNoticeTemplate('---\ntitle: t\naddressees: a\nattachmentTitle: b\n---\n{{passRate}}', facts))
      .toThrow(new NoticeTemplateError('模板中的占位符“{{passRate}}”不是可用的数据项'));
  });

  it('refuses an unclosed section', () => {
    expect(() => renderNoticeTemplate('---\ntitle: t\naddressees: a\nattachmentTitle: b\n---\n{{#vetoedCount}}x', facts)).toThrow(NoticeTemplateError);
  });

  it('names the vetoed units with their reasons in the default wording, and only when there are any', () => {
    const notice = composeNotice(zhoucunTable(), { template: DEFAULT_NOTICE_TEMPLATE, threshold: 80, printing: { office: '周村区人民政府办公室', date: '2015-01-16' } });
    const sentence = notice.body.find((b) => b.kind === 'paragraph' && b.text.startsWith('在被考核的'));
    expect(sentence?.text).toBe('在被考核的38个单位中，考核分数在80分以上的有34个，占89.47%。'
      + '南郊镇政府、大街街道办事处（辖区发生较大生产安全事故，实施一票否决）；区住建局、周村国土资源分局（监管行业领域发生较大生产安全死亡事故，实施一票否决）。各单位考核分数及奖励金额见附件。');
    const clean = composeNotice({ campaign: { name: 'c', year: 2020 }, rows: [{ seq: 1, unit: '甲', score: 79.5, reward: null, remark: '' }] },
      { template: DEFAULT_NOTICE_TEMPLATE, threshold: 80, printing: { office: 'o', date: '2021-01-05' } });
    expect(clean.body.find((b) => b.text.startsWith('在被考核的'))?.text).toBe('在被考核的1个单位中，考核分数在80分以上的有0个，占0.00%。各单位考核分数及奖励金额见附件。');
  });

  it('takes the 2014 title lines and addressees from the template file', () => {
    const notice = zhoucunNotice();
    expect(notice.title).toEqual(['关于2014年度全区安全生产目标', '管理考核情况的通报']);
    expect(notice.addressees).toBe('各镇政府、街道办事处，经济开发区管委会，区政府各部门，驻周各行政事业单位');
    expect(zhoucunTemplate()).toContain('{{passRatePercent}}');
  });
});

describe('number formatting', () => {
  it.each([[34, 38, '89.47'], [2, 3, '66.67'], [1, 8, '12.50'], [1, 200, '0.50'], [0, 5, '0.00'], [5, 5, '100.00'], [1, 0, '0.00']])(
    'formatPercent(%i, %i) = %s', (part, whole, text) => expect(formatPercent(part, whole)).toBe(text));
  it.each([[95, '95'], [92.5, '92.5'], [88.25, '88.25'], [0, '0']])('formatScore(%d) = %s', (score, text) => expect(formatScore(score)).toBe(text));
});

describe('signature block (GB/T 9704-2012 7.3.5.2, no seal)', () => {
  it('puts the organisation 2 characters from the right and the date starting 2 characters further right', async () => {
    const notice = { ...zhoucunNotice(), signature: { organisation: '周村区人民政府安全生产委员会', date: '2015-01-16' } };
    const xml = await docxPart(await buildNoticeDocx(notice));
    const paragraphsXml = bodyParagraphsXml(xml);
    const name = paragraphsXml.find((p) => paragraphText(p) === '周村区人民政府安全生产委员会') ?? '';
    const date = paragraphsXml.find((p) => paragraphText(p) === '2015年1月16日') ?? '';
    expect(name).toContain('<w:jc w:val="right"/>');
    expect(name).toContain('w:right="640"');
    // 14 characters of name, 6.5 of date ("2015" and "16" are half-width): 14 − 6.5 = 7.5 characters.
    expect(date).toContain('w:right="2400"');
  });

  it('moves the organisation left when the date is the longer one', async () => {
    const notice = { ...zhoucunNotice(), signature: { organisation: '区安委会', date: '2015-12-16' } };
    const xml = await docxPart(await buildNoticeDocx(notice));
    const paragraphsXml = bodyParagraphsXml(xml);
    // date 7 characters, right 2; organisation 4 characters starts 2 before the date: right 2 + 7 − 4 + 2 = 7.
    expect(paragraphsXml.find((p) => paragraphText(p) === '2015年12月16日')).toContain('w:right="640"');
    expect(paragraphsXml.find((p) => paragraphText(p) === '区安委会')).toContain('w:right="2240"');
  });
});

describe('attachment rows written from the prototype row', () => {
  it('escapes XML in unit names and remarks and leaves a well-formed document', async () => {
    const notice = zhoucunNotice();
    notice.attachment.rows = [
      { seq: 1, unit: '区A&B<局>', score: 92.5, reward: 1250, remark: '' },
      { seq: 2, unit: '“某”局', score: null, reward: null, remark: '监管行业领域发生较大事故 & 一票否决 <见附件>' },
    ];
    const xml = await docxPart(await buildNoticeDocx(notice));
    const parser = new SaxesParser();
    let failure: Error | null = null;
    parser.on('error', (error) => { failure = error; });
    parser.write(xml).close();
    expect(failure).toBeNull();
    expect(xml).not.toContain('\uE000');
    expect(tables(xml)[0]?.slice(1).map((row) => row.cells)).toEqual([
      ['1', '区A&B<局>', '92.5', '1250', ''],
      ['2', '“某”局', '', '', '监管行业领域发生较大事故 & 一票否决 <见附件>'],
    ]);
  });
});

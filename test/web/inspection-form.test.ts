import { describe, expect, it } from 'vitest';
import { inspectionDrawSchema, inspectionRecordSchema, inspectionReportCreateSchema } from '../../src/shared/schemas/inspection';
import type { InspectionView } from '../../src/shared/schemas/inspection';
import {
  chinaToday, drawBody, hazardFindings, inspectionActions, recordBody, reportBody, slotText,
} from '../../src/web/pages/inspections/inspection-form';

const drawing: InspectionView['drawing'] = { seed: 7, drawnAt: '2026-12-07T01:00:00.000Z', slots: [], experts: [], recusals: [] };

describe('the inspection page\'s forms', () => {
  it('a drawing: slots trimmed, any level left out, empty rows dropped, related enterprises each once', () => {
    const body = drawBody({
      slots: [{ specialty: ' 危险化学品 ', count: 2, levels: ['city', 'provincial', 'city'] }, { specialty: '消防', count: 1, levels: [] }, { specialty: ' ', count: null }],
      relatedEnterpriseIds: ['ent-1', 'ent-1', ''],
    }, 3);
    expect(body).toEqual({
      version: 3,
      slots: [{ specialty: '危险化学品', count: 2, levels: ['city', 'provincial'] }, { specialty: '消防', count: 1 }],
      relatedEnterpriseIds: ['ent-1'],
    });
    expect(inspectionDrawSchema.safeParse(body).success).toBe(true);
    expect(drawBody({ slots: [{ specialty: '消防', count: 1 }] }, 1)).toEqual({ version: 1, slots: [{ specialty: '消防', count: 1 }] });
  });

  it('a record: names and numbers each once, a place only for a non-compliant item, blank rows dropped', () => {
    const body = recordBody({
      inspectedOn: '2026-12-07', inspectors: [' 王敏', '王敏', '韩立军 ', ''], documentNumbers: [],
      findings: [
        { item: ' 可燃气体报警仪定期检定 ', compliant: false, description: ' 超期未检定 ', place: ' 储罐区 ' },
        { item: '安全出口', compliant: true, description: '畅通', place: '北门' },
        { item: '特种作业人员持证', compliant: false, description: '一人无证', place: '  ' },
        { item: ' ', description: '', place: '' },
      ],
    }, 2);
    expect(body).toEqual({
      version: 2, inspectedOn: '2026-12-07', inspectors: ['王敏', '韩立军'],
      findings: [
        { item: '可燃气体报警仪定期检定', compliant: false, description: '超期未检定', place: '储罐区' },
        { item: '安全出口', compliant: true, description: '畅通' },
        { item: '特种作业人员持证', compliant: false, description: '一人无证' },
      ],
    });
    expect(inspectionRecordSchema.safeParse(body).success).toBe(true);
  });

  it('a result not chosen is never taken as compliant (the form asks for one)', () => {
    expect(recordBody({ inspectedOn: '2026-12-07', inspectors: ['甲'], findings: [{ item: '甲项', description: '好' }] }, 1).findings).toEqual([
      { item: '甲项', compliant: false, description: '好' },
    ]);
  });

  it('a report: trimmed, the file only when uploaded', () => {
    const body = reportBody({ authorKind: 'agency', authorName: ' 山东安评中心 ', title: ' 诊断报告 ', summary: ' 三项隐患 ', reportedOn: '2026-12-06' }, 'file-1');
    expect(body).toEqual({ authorKind: 'agency', authorName: '山东安评中心', title: '诊断报告', summary: '三项隐患', reportedOn: '2026-12-06', fileId: 'file-1' });
    expect(inspectionReportCreateSchema.safeParse(body).success).toBe(true);
    expect(reportBody({ authorName: '李', title: '报告', summary: '无', reportedOn: '2026-12-06' })).not.toHaveProperty('fileId');
  });

  it('says what may be done next', () => {
    expect(inspectionActions({ state: 'planned', kind: 'expertCheck', drawing: null })).toEqual({ draw: true, record: false, hint: '专家查隐患须先随机抽取专家，再登记检查记录。' });
    expect(inspectionActions({ state: 'planned', kind: 'expertCheck', drawing })).toEqual({ draw: true, record: true, hint: null });
    expect(inspectionActions({ state: 'planned', kind: 'inspection', drawing: null })).toEqual({ draw: true, record: true, hint: null });
    expect(inspectionActions({ state: 'recorded', kind: 'expertCheck', drawing })).toEqual({ draw: false, record: false, hint: null });
  });

  it('lists the hazard cards made, the place defaulting to the item', () => {
    expect(hazardFindings({
      findings: [
        { seq: 1, item: '安全出口', compliant: true, place: null, description: '畅通', hazardId: null },
        { seq: 2, item: '报警仪检定', compliant: false, place: '储罐区', description: '超期', hazardId: 'h-1' },
        { seq: 3, item: '持证上岗', compliant: false, place: null, description: '无证', hazardId: 'h-2' },
      ],
    })).toEqual([{ seq: 2, item: '报警仪检定', place: '储罐区', hazardId: 'h-1' }, { seq: 3, item: '持证上岗', place: '持证上岗', hazardId: 'h-2' }]);
  });

  it('words a slot and finds China\'s day', () => {
    expect(slotText({ specialty: '危险化学品', count: 2, levels: ['city', 'provincial'] })).toBe('危险化学品 2名（市级、省级）');
    expect(slotText({ specialty: '消防', count: 1, levels: [] })).toBe('消防 1名（级别不限）');
    expect(chinaToday(new Date('2026-12-06T16:00:00Z'))).toBe('2026-12-07');
    expect(chinaToday(new Date('2026-12-06T15:59:59Z'))).toBe('2026-12-06');
  });
});

import { describe, expect, it } from 'vitest';
import { PROCEDURES } from '../../src/domain/ledgers/enforcement/procedures';
import type { MeasureType } from '../../src/domain/ledgers/enforcement/procedures';
import { enforcementStepSchema } from '../../src/shared/schemas/enforcement';
import { chinaTimeText } from '../../src/web/labels';
import { stepBody, stepDetailText, stepFields } from '../../src/web/pages/enforcement/step-fields';

describe('the step forms of an enforcement measure', () => {
  it('the decision asks what the measure\'s type needs', () => {
    const names = (type: MeasureType) => stepFields('decision', type).map((f) => f.name);
    expect(names('seal')).toEqual(['documentNumber', 'items', 'periodDays']);
    expect(names('suspendProduction')).toEqual(['documentNumber', 'periodEndsOn', 'exceptionBasis']);
    expect(names('orderRectification')).toEqual(['documentNumber', 'rectifyBy']);
    expect(names('demolition')).toEqual(['documentNumber', 'selfDemolitionBy']);
    expect(names('waterCut')).toEqual(['documentNumber']);
    expect(stepFields('approval', 'powerCut').map((f) => f.name)).toContain('approverIsPrincipal');
    expect(stepFields('approval', 'seal').map((f) => f.name)).not.toContain('approverIsPrincipal');
  });

  it('builds a body the server\'s schema accepts, for every step of every procedure', () => {
    for (const type of Object.keys(PROCEDURES) as MeasureType[]) {
      for (const rule of PROCEDURES[type].steps(false)) {
        const values: Record<string, unknown> = {};
        for (const f of stepFields(rule.key, type)) {
          values[f.name] = f.kind === 'officers' ? [{ name: '张三', certificateNumber: 'A1' }, { name: '李四', certificateNumber: 'A2' }]
            : f.kind === 'items' ? '钢瓶20只\n\n  阀门3个 ' : f.kind === 'date' ? '2026-12-31' : f.kind === 'days' ? 30
              : f.kind === 'choice' ? f.choices![0]!.value : f.kind === 'bool' ? true : ' 文字 ';
        }
        const body = stepBody(rule.key, type, values, 3, '2026-12-01T10:00:00+08:00');
        const parsed = enforcementStepSchema.safeParse(body);
        expect(parsed.success, `${type} ${rule.key}: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
      }
    }
  });

  it('trims text, leaves blanks out, splits the list by line and keeps unticked boxes false', () => {
    expect(stepBody('decision', 'seal', { documentNumber: ' 查〔2026〕1号 ', items: '钢瓶20只\n\n 阀门3个 ', periodDays: undefined }, 2)).toEqual({
      step: 'decision', version: 2, documentNumber: '查〔2026〕1号', items: ['钢瓶20只', '阀门3个'],
    });
    expect(stepBody('onSite', 'seal', { officers: [{ name: '张三', certificateNumber: 'A1' }, {}], recordSignedBy: 'party', witnessName: '  ' }, 1)).toEqual({
      step: 'onSite', version: 1, officers: [{ name: '张三', certificateNumber: 'A1' }], partyNotified: false, partyHeard: false, recordSignedBy: 'party',
    });
  });

  it('reads a recorded step back in words, and its time in China time', () => {
    expect(stepDetailText('onSite', 'seal', {
      officers: [{ name: '张三', certificateNumber: 'A1' }, { name: '李四', certificateNumber: 'A2' }], partyNotified: true, partyHeard: false, recordSignedBy: 'witness', witnessName: '王五',
    })).toBe('执法人员：张三（A1）、李四（A2）；已当场告知理由、依据以及当事人的权利和救济途径；现场笔录签名：当事人不到场，见证人签名；见证人：王五');
    expect(stepDetailText('review', 'orderRectification', { rectified: false })).toBe('复查结果：未整改到位');
    expect(stepDetailText('lift', 'seal', { reasonZh: '已处理' })).toBe('解除理由：已处理');
    expect(stepDetailText('decision', 'seal', { documentNumber: '查1号', items: ['钢瓶'], periodDays: 20 })).toBe('决定书文书编号：查1号；清单：钢瓶；期限（日）：20日');
    expect(chinaTimeText('2026-11-17T01:00:00.000Z')).toBe('2026-11-17 09:00');
    expect(chinaTimeText('2026-11-17')).toBe('2026-11-17');
  });
});

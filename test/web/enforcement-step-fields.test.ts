import { describe, expect, it } from 'vitest';
import { PROCEDURES } from '../../src/domain/ledgers/enforcement/procedures';
import type { MeasureType } from '../../src/domain/ledgers/enforcement/procedures';
import { enforcementStepSchema } from '../../src/shared/schemas/enforcement';
import { stepBody, stepFields } from '../../src/web/pages/enforcement/step-fields';

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
});

import { describe, expect, it } from 'vitest';
import { assess } from '../../../src/domain/assessment/assess';
import { explainUnit, renderTrace } from '../../../src/domain/assessment/explain';
import { computeLedgerMetrics, METRIC_ZH, type HazardRecord } from '../../../src/domain/ledgers/metrics/compute-metrics';
import { baseScheme, buildCase, merge } from './build-case';

/**
 * Issue: a scheme item fed by a ledger metric changes a unit's score, and the trace names the
 * hazard cards behind it — the ledgers feed the assessment with nothing typed twice.
 */
const scheme = merge(baseScheme(), {
  metrics: { hazardOnTimeClosureRate: { name: METRIC_ZH.hazardOnTimeClosureRate, unit: '%' } },
  criteria: [
    { id: 'A', name: '组织领导', points: 40, children: [
      { id: 'A1', name: '会议', points: 20, method: { type: 'deduction', perOccurrence: 5 } },
      { id: 'A2', name: '责任制', points: 20, method: { type: 'manual' } },
    ] },
    { id: 'B', name: '隐患治理', points: 60, children: [
      { id: 'B1', name: '隐患整改', points: 50, method: { type: 'manual' } },
      { id: 'B2', name: '隐患按期整改', points: 10, description: '按期整改率达到95%得满分，每低1个百分点扣1分', method: {
        type: 'formula', metric: 'hazardOnTimeClosureRate', rule: { kind: 'perUnitShortfall', direction: 'atLeast', target: 95, perUnit: 1, unit: 1, partial: 'exact' },
      } },
    ] },
  ],
});

const hazard = (id: string, rectifiedOn: string | undefined): HazardRecord => ({
  id, territorialUnitId: 't1', regulatingUnitId: 'd1', grade: 'general', foundOn: '2024-02-01',
  rectificationDeadline: '2024-03-01', ...(rectifiedOn ? { rectifiedOn, closedOn: rectifiedOn } : {}),
});

function resultFor(hazards: HazardRecord[]) {
  const metrics = computeLedgerMetrics([{ id: 't1', kind: 'territorial' }], { from: '2024-01-01', to: '2024-12-31' }, {
    hazards, inspections: [], enforcementMeasures: [], tips: [], training: { enterprises: [], persons: [], certificates: [] },
  });
  const input = buildCase({
    scheme,
    scores: { scores: { t1: { A1: { deductions: [] }, A2: 20, B1: 50 } } },
    metrics: { metrics: { t1: { hazardOnTimeClosureRate: metrics.t1!.hazardOnTimeClosureRate } } },
  });
  const unit = assess(input).units[0]!;
  return { unit, trace: renderTrace(explainUnit(input, unit)) };
}

describe('ledger metrics feed formula items', () => {
  it('gives full points when every hazard was rectified on time', () => {
    const { unit } = resultFor([hazard('YH-1', '2024-02-20'), hazard('YH-2', '2024-02-25')]);
    expect(unit.total).toBe(10000);
  });

  it('takes points off for a hazard closed late and names the records in the trace', () => {
    // 9 of 10 on time = 90% → 10 − (95 − 90) × 1 = 5 points
    const hazards = Array.from({ length: 10 }, (_, i) => hazard(`YH-${i + 1}`, i === 9 ? '2024-03-15' : '2024-02-20'));
    const { unit, trace } = resultFor(hazards);
    expect(unit.total).toBe(9500);
    expect(trace).toContain('隐患按期整改销号率 90% → 5分');
    expect(trace).toContain('YH-10');
    expect(trace).toContain('来源记录（10条）');
  });
});

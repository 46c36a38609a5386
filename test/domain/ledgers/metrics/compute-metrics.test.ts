import { describe, expect, it } from 'vitest';
import type { HazardCard } from '../../../../src/domain/ledgers/hazard/hazard-card.ts';
import type { MetricInputs, MetricUnit } from '../../../../src/domain/ledgers/metrics/compute-metrics.ts';
import { computeLedgerMetrics, hazardRecordFromCard, METRIC_NAMES } from '../../../../src/domain/ledgers/metrics/compute-metrics.ts';
import { metricsFileSchema } from '../../../../src/domain/scheme/facts-schema.ts';

// A small district, every figure below computed by hand (period 2024-01-01 .. 2024-06-30).
const inputs: MetricInputs = {
  hazards: [
    // on time: rectified 02-18 ≤ deadline 02-20, closed 02-25
    { id: 'h1', territorialUnitId: 'T1', regulatingUnitId: 'D1', grade: 'general', foundOn: '2024-02-01', rectificationDeadline: '2024-02-20', rectifiedOn: '2024-02-18', closedOn: '2024-02-25' },
    // closed, but rectified 05-05 after deadline 04-30
    { id: 'h2', territorialUnitId: 'T1', regulatingUnitId: 'D1', grade: 'major', foundOn: '2024-03-01', rectificationDeadline: '2024-04-30', rectifiedOn: '2024-05-05', closedOn: '2024-05-10' },
    // not rectified, deadline 05-31 passed → overdue on 06-30
    { id: 'h3', territorialUnitId: 'T1', regulatingUnitId: 'D2', grade: 'general', foundOn: '2024-05-01', rectificationDeadline: '2024-05-31' },
    // deadline after the period, open → neither due nor overdue
    { id: 'h4', territorialUnitId: 'T1', regulatingUnitId: 'D2', grade: 'major', foundOn: '2024-06-10', rectificationDeadline: '2024-07-31' },
    // found before the period, still open → only in the overdue snapshot
    { id: 'h5', territorialUnitId: 'T1', regulatingUnitId: 'D1', grade: 'major', foundOn: '2023-11-01', rectificationDeadline: '2023-12-31' },
    // rectified on its deadline 06-30 but closed 07-02, after the period
    { id: 'h6', territorialUnitId: 'T2', regulatingUnitId: 'D1', grade: 'general', foundOn: '2024-06-01', rectificationDeadline: '2024-06-30', rectifiedOn: '2024-06-30', closedOn: '2024-07-02' },
    // closed early, deadline after the period → due because done, on time
    { id: 'h7', territorialUnitId: 'T1', regulatingUnitId: 'D1', grade: 'general', foundOn: '2024-04-01', rectificationDeadline: '2024-08-31', rectifiedOn: '2024-04-10', closedOn: '2024-04-15' },
    // graded, no deadline yet
    { id: 'h8', territorialUnitId: 'T2', regulatingUnitId: 'D2', grade: 'general', foundOn: '2024-01-15' },
  ],
  inspections: [
    { id: 'i1', enterpriseId: 'E1', territorialUnitId: 'T1', regulatingUnitId: 'D1', inspectedOn: '2024-02-01' },
    { id: 'i2', enterpriseId: 'E1', territorialUnitId: 'T1', regulatingUnitId: 'D1', inspectedOn: '2024-03-01' },
    { id: 'i3', enterpriseId: 'E2', territorialUnitId: 'T1', regulatingUnitId: 'D2', inspectedOn: '2024-06-30' },
    { id: 'i4', enterpriseId: 'E3', territorialUnitId: 'T2', regulatingUnitId: 'D1', inspectedOn: '2023-12-31' },
    { id: 'i5', enterpriseId: 'E3', territorialUnitId: 'T2', regulatingUnitId: 'D1', inspectedOn: '2024-01-01' },
  ],
  enforcementMeasures: [
    { id: 'm1', type: 'seal', territorialUnitId: 'T1', regulatingUnitId: 'D1', startedOn: '2024-03-05' },
    { id: 'm2', type: 'powerCut', territorialUnitId: 'T1', regulatingUnitId: 'D2', startedOn: '2024-04-01' },
    { id: 'm3', type: 'seal', territorialUnitId: 'T1', regulatingUnitId: 'D1', startedOn: '2024-07-01' },
    { id: 'm4', type: 'suspendProduction', territorialUnitId: 'T2', regulatingUnitId: 'D1', startedOn: '2024-06-30' },
  ],
  tips: [
    // reply due min(01-10+60 = 03-10, 01-20+10 = 01-30) = 01-30; answered 01-30 → on time
    { id: 't1', assignedUnitId: 'T1', receivedOn: '2024-01-10', verifiedOn: '2024-01-20', repliedOn: '2024-01-30' },
    // due 02-15, answered 02-20 → late
    { id: 't2', assignedUnitId: 'T1', receivedOn: '2024-02-01', verifiedOn: '2024-02-05', repliedOn: '2024-02-20' },
    // due 07-31, not answered → still pending, left out
    { id: 't3', assignedUnitId: 'T1', receivedOn: '2024-06-01' },
    // due 04-30, never answered → counted, not on time
    { id: 't4', assignedUnitId: 'T1', receivedOn: '2024-03-01' },
    // anonymous, unreachable → no reply needed
    { id: 't5', assignedUnitId: 'T1', receivedOn: '2024-05-01', reporterReachable: false },
    // due 07-01, answered 06-25 → counted, on time
    { id: 't6', assignedUnitId: 'D1', receivedOn: '2024-06-20', verifiedOn: '2024-06-21', repliedOn: '2024-06-25' },
  ],
  training: {
    enterprises: [
      { id: 'E1', territorialUnitId: 'T1', regulatingUnitId: 'D1' },
      { id: 'E2', territorialUnitId: 'T1', regulatingUnitId: 'D2' },
      { id: 'E3', territorialUnitId: 'T2', regulatingUnitId: 'D1' },
    ],
    persons: [
      { id: 'q1', enterpriseId: 'E1', role: 'principal', name: '甲' },
      { id: 'q2', enterpriseId: 'E1', role: 'specialOperation', name: '乙', operationType: '电工作业' },
      { id: 'q3', enterpriseId: 'E2', role: 'safetyManager', name: '丙' },
      { id: 'q4', enterpriseId: 'E3', role: 'principal', name: '丁' },
    ],
    certificates: [
      { id: 'c1', personId: 'q1', role: 'principal', number: 'A1', issuedOn: '2023-01-01', expiresOn: '2026-01-01' },
      { id: 'c3', personId: 'q3', role: 'safetyManager', number: 'A3', issuedOn: '2023-01-01', expiresOn: '2026-01-01' },
      { id: 'c4', personId: 'q4', role: 'principal', number: 'A4', issuedOn: '2021-06-29', expiresOn: '2024-06-29' },
    ],
  },
};

const units: MetricUnit[] = [
  { id: 'T1', kind: 'territorial' },
  { id: 'T2', kind: 'territorial' },
  { id: 'D1', kind: 'sectoral' },
  { id: 'D2', kind: 'sectoral' },
  { id: 'T9', kind: 'territorial' },
];

const period = { from: '2024-01-01', to: '2024-06-30' };
const m = computeLedgerMetrics(units, period, inputs);

describe('metrics: hand-computed values per unit', () => {
  it.each([
    // unit, metric, value, sources
    ['T1', 'hazardsFound', 5, ['h1', 'h2', 'h3', 'h4', 'h7']],
    ['T1', 'majorHazards', 2, ['h2', 'h4']],
    ['T1', 'hazardClosureRate', 60, ['h1', 'h2', 'h3', 'h4', 'h7']], // 3 of 5
    ['T1', 'hazardOnTimeClosureRate', 50, ['h1', 'h2', 'h3', 'h7']], // h1, h7 of h1, h2, h3, h7
    ['T1', 'overdueHazards', 2, ['h3', 'h5']],
    ['T1', 'overdueMajorHazards', 1, ['h5']],
    ['T1', 'inspections', 3, ['i1', 'i2', 'i3']],
    ['T1', 'enterprisesCovered', 2, ['i1', 'i2', 'i3']],
    ['T1', 'enforcementMeasures', 2, ['m1', 'm2']],
    ['T1', 'tipsAnsweredOnTimeRate', 33.33, ['t1', 't2', 't4']], // 1 of 3
    ['T1', 'trainingCoverageRate', 66.67, ['q1', 'q2', 'q3']], // 2 of 3
    ['T2', 'hazardsFound', 2, ['h6', 'h8']],
    ['T2', 'majorHazards', 0, []],
    ['T2', 'hazardClosureRate', 0, ['h6', 'h8']],
    ['T2', 'hazardOnTimeClosureRate', 0, ['h6']], // rectified on time but not closed by 06-30
    ['T2', 'overdueHazards', 0, []],
    ['T2', 'inspections', 1, ['i5']],
    ['T2', 'enterprisesCovered', 1, ['i5']],
    ['T2', 'enforcementMeasures', 1, ['m4']],
    ['T2', 'trainingCoverageRate', 0, ['q4']], // expired 06-29
    ['D1', 'hazardsFound', 4, ['h1', 'h2', 'h6', 'h7']],
    ['D1', 'majorHazards', 1, ['h2']],
    ['D1', 'hazardClosureRate', 75, ['h1', 'h2', 'h6', 'h7']],
    ['D1', 'hazardOnTimeClosureRate', 50, ['h1', 'h2', 'h6', 'h7']],
    ['D1', 'overdueHazards', 1, ['h5']],
    ['D1', 'overdueMajorHazards', 1, ['h5']],
    ['D1', 'inspections', 3, ['i1', 'i2', 'i5']],
    ['D1', 'enterprisesCovered', 2, ['i1', 'i2', 'i5']],
    ['D1', 'enforcementMeasures', 2, ['m1', 'm4']],
    ['D1', 'tipsAnsweredOnTimeRate', 100, ['t6']],
    ['D1', 'trainingCoverageRate', 33.33, ['q1', 'q2', 'q4']],
    ['D2', 'hazardsFound', 3, ['h3', 'h4', 'h8']],
    ['D2', 'majorHazards', 1, ['h4']],
    ['D2', 'hazardClosureRate', 0, ['h3', 'h4', 'h8']],
    ['D2', 'hazardOnTimeClosureRate', 0, ['h3']],
    ['D2', 'overdueHazards', 1, ['h3']],
    ['D2', 'overdueMajorHazards', 0, []],
    ['D2', 'inspections', 1, ['i3']],
    ['D2', 'enforcementMeasures', 1, ['m2']],
    ['D2', 'trainingCoverageRate', 100, ['q3']],
  ] as const)('%s %s = %s', (unit, metric, value, sources) => {
    expect(m[unit]![metric].value).toBe(value);
    expect(m[unit]![metric].sources).toEqual(sources);
  });

  it('the output is a metrics file the assessment engine accepts', () => {
    expect(metricsFileSchema.safeParse({ metrics: m }).success).toBe(true);
  });

  it('every unit has every metric', () => {
    for (const u of units) expect(Object.keys(m[u.id]!).sort()).toEqual([...METRIC_NAMES].sort());
  });

  it('details explain the computation in Chinese', () => {
    expect(m.T1!.hazardOnTimeClosureRate.detail).toBe(
      '2024-01-01至2024-06-30发现、整改期限不晚于2024-06-30或已销号的隐患中，在整改期限内整改完成并已销号的占比：2÷4=50.00%（四舍五入保留两位小数）；未按期整改销号：h2、h3。',
    );
    expect(m.T1!.tipsAnsweredOnTimeRate.detail).toBe(
      '2024-01-01至2024-06-30受理、答复期限不晚于2024-06-30或已答复的举报中，按期答复的占比：1÷3=33.33%（四舍五入保留两位小数）；未按期答复：t2、t4。',
    );
    expect(m.T1!.enforcementMeasures.detail).toBe('2024-01-01至2024-06-30采取执法措施共2起（停止供电1起、查封1起）。');
    expect(m.T1!.overdueHazards.detail).toBe('截至2024-06-30，超过整改期限仍未整改完成的隐患共2条：h3、h5。');
    expect(m.T2!.trainingCoverageRate.detail).toBe('截至2024-06-30，须持证人员1人中持有效证书0人：0÷1=0.00%（四舍五入保留两位小数）；未持有效证书：丁的证书A4已于2024-06-29过期。');
  });
});

describe('metrics: zero denominators', () => {
  it('a unit with no records gets counts of 0 and rates of 100 by default, saying why', () => {
    const t9 = m.T9!;
    expect(t9.hazardsFound).toEqual({ value: 0, sources: [], detail: '2024-01-01至2024-06-30发现的隐患共0条。' });
    expect(t9.hazardClosureRate).toEqual({ value: 100, sources: [], detail: '2024-01-01至2024-06-30未发现隐患（分母为0），按约定计为100.00%。' });
    expect(t9.hazardOnTimeClosureRate.value).toBe(100);
    expect(t9.tipsAnsweredOnTimeRate.value).toBe(100);
    expect(t9.trainingCoverageRate.value).toBe(100);
    expect(m.T2!.tipsAnsweredOnTimeRate.detail).toContain('（分母为0）');
  });

  it('the zero-denominator value is an option', () => {
    const r = computeLedgerMetrics([{ id: 'T9', kind: 'territorial' }], period, inputs, { zeroDenominatorRate: 0 });
    expect(r.T9!.hazardClosureRate).toEqual({ value: 0, sources: [], detail: '2024-01-01至2024-06-30未发现隐患（分母为0），按约定计为0.00%。' });
  });

  it('rejects an invalid period or option', () => {
    expect(() => computeLedgerMetrics(units, { from: '2024-07-01', to: '2024-06-30' }, inputs)).toThrow(RangeError);
    expect(() => computeLedgerMetrics(units, period, inputs, { zeroDenominatorRate: 101 })).toThrow(RangeError);
  });
});

describe('metrics: rounding of rates', () => {
  it('2 of 3 is 66.67, 1 of 3 is 33.33, 1 of 8 is 12.50 (half up: 12.5)', () => {
    const hazards = Array.from({ length: 8 }, (_, i) => ({
      id: `x${i}`,
      territorialUnitId: 'T',
      regulatingUnitId: 'D',
      foundOn: '2024-01-02',
      ...(i === 0 ? { closedOn: '2024-01-03' } : {}),
    }));
    const r = computeLedgerMetrics([{ id: 'T', kind: 'territorial' }], period, { ...inputs, hazards });
    expect(r.T!.hazardClosureRate.value).toBe(12.5);
  });
});

describe('hazardRecordFromCard', () => {
  const card: HazardCard = {
    id: 'hz',
    enterpriseId: 'E1',
    territorialUnitId: 'T1',
    regulatingUnitId: 'D1',
    sector: '建筑施工',
    foundOn: '2024-03-01',
    foundWay: 'inspection',
    foundBy: '张三',
    place: 'p',
    description: 'd',
    photosBefore: [],
    state: 'closed',
    grade: 'major',
    rectification: { measures: 'm', responsiblePerson: 'p', deadline: '2024-04-30' },
    photosAfter: [],
    acceptanceAppliedOn: '2024-04-20',
    acceptanceDueOn: '2024-04-30',
    acceptedOn: '2024-04-25',
    closedOn: '2024-04-26',
    enforcementDocumentNumbers: [],
    returnCount: 0,
    lastActionAt: '2024-04-26T01:00:00.000Z',
  };

  it('takes the deadline, the completing application and the closing day', () => {
    expect(hazardRecordFromCard(card)).toEqual({
      id: 'hz',
      territorialUnitId: 'T1',
      regulatingUnitId: 'D1',
      grade: 'major',
      foundOn: '2024-03-01',
      rectificationDeadline: '2024-04-30',
      rectifiedOn: '2024-04-20',
      closedOn: '2024-04-26',
    });
  });

  it('an application waiting for acceptance stops the clock, as on the card', () => {
    expect(hazardRecordFromCard({ ...card, state: 'acceptanceApplied', acceptedOn: undefined, closedOn: undefined }).rectifiedOn).toBe('2024-04-20');
  });

  it('a card back in rectification has no completed rectification', () => {
    expect(hazardRecordFromCard({ ...card, state: 'rectifying', acceptanceAppliedOn: undefined, acceptanceDueOn: undefined, acceptedOn: undefined, closedOn: undefined }).rectifiedOn).toBeUndefined();
  });
});

// Named metrics (指标值) computed per unit and period from the ledgers, for the assessment scheme's
// formula items, which read metrics[unitId][metricName].value and cite `sources` in the unit's
// trace (得分反查).
//
// Attribution: a town (territorial unit, 属地) counts the records whose territorialUnitId is the
// town; a department (sectoral unit, 行业监管) the records whose regulatingUnitId is the
// department. Tips count for the unit they were assigned to (承办单位), whatever its kind.
// Period: from and to are inclusive China calendar days; snapshot metrics (overdue) are taken at
// the end of `to`.
// Rates: percentages with two decimals, computed once as integer hundredths of a percent rounded
// half up (shared/rate.ts), then divided by 100 (9524 → 95.24). A rate whose denominator is 0
// (nothing was due) takes options.zeroDenominatorRate — 100 by default, "nothing failed" — and its
// detail says so, so that a scheme may treat it differently.

import type { LocalDate } from '../shared/dates.ts';
import { isLocalDate } from '../shared/dates.ts';
import { formatPercent, hundredthsToPercent, rateHundredths } from '../shared/rate.ts';
import type { HazardCard, HazardGrade } from '../hazard/hazard-card.ts';
import type { MeasureType } from '../enforcement/procedures.ts';
import { PROCEDURES } from '../enforcement/procedures.ts';
import type { TipDeadlineRules, TipTimeline } from '../tip/tip-deadlines.ts';
import { TIP_DEADLINES_2012, tipDeadlines } from '../tip/tip-deadlines.ts';
import type { Certificate, TrainedPerson, TrainingEnterprise } from '../training/training-coverage.ts';
import { trainingCoverageByUnit } from '../training/training-coverage.ts';

export const METRIC_NAMES = [
  'hazardsFound',
  'majorHazards',
  'hazardClosureRate',
  'hazardOnTimeClosureRate',
  'overdueHazards',
  'overdueMajorHazards',
  'inspections',
  'enterprisesCovered',
  'enforcementMeasures',
  'tipsAnsweredOnTimeRate',
  'trainingCoverageRate',
] as const;

export type MetricName = (typeof METRIC_NAMES)[number];

export const METRIC_ZH: Readonly<Record<MetricName, string>> = {
  hazardsFound: '排查发现隐患数',
  majorHazards: '重大隐患数',
  hazardClosureRate: '隐患销号率',
  hazardOnTimeClosureRate: '隐患按期整改销号率',
  overdueHazards: '逾期未整改隐患数',
  overdueMajorHazards: '逾期未整改重大隐患数',
  inspections: '执法检查次数',
  enterprisesCovered: '检查覆盖企业数',
  enforcementMeasures: '执法措施数',
  tipsAnsweredOnTimeRate: '举报按期答复率',
  trainingCoverageRate: '持证培训覆盖率',
};

export interface MetricValue {
  /** Counts as integers; rates as percentages with two decimals. */
  readonly value: number;
  /** Ids of the records the value is built from (for a rate: its denominator). */
  readonly sources: string[];
  /** How it was computed, in Chinese. */
  readonly detail: string;
}

export type UnitMetrics = Record<MetricName, MetricValue>;

export interface MetricUnit {
  readonly id: string;
  readonly kind: 'territorial' | 'sectoral';
}

export interface MetricPeriod {
  readonly from: LocalDate;
  readonly to: LocalDate;
}

export interface HazardRecord {
  readonly id: string;
  readonly territorialUnitId: string;
  readonly regulatingUnitId: string;
  readonly grade?: HazardGrade;
  readonly foundOn: LocalDate;
  readonly rectificationDeadline?: LocalDate;
  /** Day of the latest application for acceptance still standing (整改完成日). */
  readonly rectifiedOn?: LocalDate;
  readonly closedOn?: LocalDate;
}

export interface InspectionRecord {
  readonly id: string;
  readonly enterpriseId: string;
  readonly territorialUnitId: string;
  readonly regulatingUnitId: string;
  readonly inspectedOn: LocalDate;
}

export interface EnforcementRecord {
  readonly id: string;
  readonly type: MeasureType;
  readonly territorialUnitId: string;
  readonly regulatingUnitId: string;
  readonly startedOn: LocalDate;
}

export interface TipRecord extends TipTimeline {
  readonly id: string;
  readonly assignedUnitId: string;
}

export interface MetricInputs {
  readonly hazards: readonly HazardRecord[];
  readonly inspections: readonly InspectionRecord[];
  readonly enforcementMeasures: readonly EnforcementRecord[];
  readonly tips: readonly TipRecord[];
  readonly training: {
    readonly enterprises: readonly TrainingEnterprise[];
    readonly persons: readonly TrainedPerson[];
    readonly certificates: readonly Certificate[];
  };
}

export interface MetricOptions {
  /** Value of a rate with no denominator, as a percentage (default 100). */
  readonly zeroDenominatorRate?: number;
  readonly tipRules?: TipDeadlineRules;
}

/** The metric record of a hazard card. */
/** The facts of a card the metrics read, as stored beside it (the ledger's copied columns). */
export interface HazardFacts {
  readonly id: string;
  readonly territorialUnitId: string;
  readonly regulatingUnitId: string;
  readonly state: HazardCard['state'];
  readonly grade?: HazardGrade | undefined;
  readonly foundOn: LocalDate;
  readonly rectificationDeadline?: LocalDate | undefined;
  readonly acceptanceAppliedOn?: LocalDate | undefined;
  readonly closedOn?: LocalDate | undefined;
}

export function hazardRecordOf(f: HazardFacts): HazardRecord {
  // As in hazard-deadlines.ts, an application for acceptance stops the rectification clock; a
  // failed acceptance clears it on the card, so a later application replaces it.
  const done = f.state === 'acceptanceApplied' || f.state === 'accepted' || f.state === 'closed';
  return {
    id: f.id,
    territorialUnitId: f.territorialUnitId,
    regulatingUnitId: f.regulatingUnitId,
    ...(f.grade === undefined ? {} : { grade: f.grade }),
    foundOn: f.foundOn,
    ...(f.rectificationDeadline === undefined ? {} : { rectificationDeadline: f.rectificationDeadline }),
    ...(done && f.acceptanceAppliedOn !== undefined ? { rectifiedOn: f.acceptanceAppliedOn } : {}),
    ...(f.closedOn === undefined ? {} : { closedOn: f.closedOn }),
  };
}

export function hazardRecordFromCard(card: HazardCard): HazardRecord {
  return hazardRecordOf({ ...card, rectificationDeadline: card.rectification?.deadline });
}

const LISTED_IDS = 20;

function idList(ids: readonly string[]): string {
  if (ids.length === 0) return '无';
  const shown = ids.slice(0, LISTED_IDS).join('、');
  return ids.length > LISTED_IDS ? `${shown}等${ids.length}条` : shown;
}

function count(ids: string[], detail: string): MetricValue {
  return { value: ids.length, sources: ids, detail };
}

function rate(numeratorIds: readonly string[], denominatorIds: string[], what: string, emptyZh: string, zeroValue: number, failedZh: string, failedIds: readonly string[]): MetricValue {
  if (denominatorIds.length === 0) {
    return { value: zeroValue, sources: [], detail: `${emptyZh}（分母为0），按约定计为${zeroValue.toFixed(2)}%。` };
  }
  const h = rateHundredths(numeratorIds.length, denominatorIds.length);
  return {
    value: hundredthsToPercent(h),
    sources: denominatorIds,
    detail: `${what}：${numeratorIds.length}÷${denominatorIds.length}=${formatPercent(h)}（四舍五入保留两位小数）；${failedZh}：${idList(failedIds)}。`,
  };
}

function inPeriod(date: LocalDate | undefined, p: MetricPeriod): boolean {
  return date !== undefined && p.from <= date && date <= p.to;
}

function onOrBefore(date: LocalDate | undefined, limit: LocalDate): date is LocalDate {
  return date !== undefined && date <= limit;
}

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = m.get(k);
    if (list) list.push(item);
    else m.set(k, [item]);
  }
  return m;
}

function byId<T extends { id: string }>(a: T, b: T): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function hazardMetrics(records: readonly HazardRecord[], p: MetricPeriod, zero: number) {
  // One pass over the unit's records (the benchmark runs 5,000 units over a million cards).
  const found: HazardRecord[] = [];
  const overdue: HazardRecord[] = [];
  for (const h of records) {
    const deadline = h.rectificationDeadline;
    const closedByEnd = h.closedOn !== undefined && h.closedOn <= p.to;
    if (p.from <= h.foundOn && h.foundOn <= p.to) found.push(h);
    // Snapshot at the end of `to`: past the deadline and not rectified or closed by then.
    if (
      deadline !== undefined &&
      deadline < p.to &&
      h.foundOn <= p.to &&
      !closedByEnd &&
      !(h.rectifiedOn !== undefined && h.rectifiedOn <= p.to)
    ) {
      overdue.push(h);
    }
  }
  found.sort(byId);
  overdue.sort(byId);
  const major: string[] = [];
  const closed: string[] = [];
  const notClosed: string[] = [];
  // 按期: due or done by the end of the period; on time when closed and rectified by the deadline.
  const due: string[] = [];
  const onTime: string[] = [];
  const late: string[] = [];
  for (const h of found) {
    if (h.grade === 'major') major.push(h.id);
    const closedByEnd = onOrBefore(h.closedOn, p.to);
    (closedByEnd ? closed : notClosed).push(h.id);
    const deadline = h.rectificationDeadline;
    if (deadline !== undefined && (deadline <= p.to || closedByEnd)) {
      due.push(h.id);
      const completedOn = h.rectifiedOn ?? h.closedOn;
      if (closedByEnd && completedOn !== undefined && completedOn <= deadline) onTime.push(h.id);
      else late.push(h.id);
    }
  }
  const overdueIds = overdue.map((h) => h.id);
  const overdueMajor = overdue.filter((h) => h.grade === 'major').map((h) => h.id);
  const range = `${p.from}至${p.to}`;
  return {
    hazardsFound: count(found.map((h) => h.id), `${range}发现的隐患共${found.length}条。`),
    majorHazards: count(major, `${range}发现的隐患中定级为重大隐患的共${major.length}条。`),
    hazardClosureRate: rate(closed, found.map((h) => h.id), `${range}发现的隐患中，至${p.to}已销号的占比`, `${range}未发现隐患`, zero, '未销号', notClosed),
    hazardOnTimeClosureRate: rate(
      onTime,
      due,
      `${range}发现、整改期限不晚于${p.to}或已销号的隐患中，在整改期限内整改完成并已销号的占比`,
      `${range}发现的隐患中没有到期或已销号的`,
      zero,
      '未按期整改销号',
      late,
    ),
    overdueHazards: count(overdueIds, `截至${p.to}，超过整改期限仍未整改完成的隐患共${overdueIds.length}条：${idList(overdueIds)}。`),
    overdueMajorHazards: count(overdueMajor, `截至${p.to}，超过整改期限仍未整改完成的重大隐患共${overdueMajor.length}条：${idList(overdueMajor)}。`),
  };
}

function inspectionMetrics(records: readonly InspectionRecord[], p: MetricPeriod) {
  const inspected = records.filter((r) => inPeriod(r.inspectedOn, p)).sort(byId);
  const enterprises = new Set(inspected.map((r) => r.enterpriseId));
  const range = `${p.from}至${p.to}`;
  return {
    inspections: count(inspected.map((r) => r.id), `${range}执法检查共${inspected.length}次。`),
    enterprisesCovered: {
      value: enterprises.size,
      sources: inspected.map((r) => r.id),
      detail: `${range}的${inspected.length}次执法检查覆盖不同企业${enterprises.size}家。`,
    },
  };
}

function enforcementMetric(records: readonly EnforcementRecord[], p: MetricPeriod): MetricValue {
  const started = records.filter((r) => inPeriod(r.startedOn, p)).sort(byId);
  const perType = new Map<MeasureType, number>();
  for (const r of started) perType.set(r.type, (perType.get(r.type) ?? 0) + 1);
  const breakdown = [...perType.entries()]
    .sort((a, b) => (a[0] < b[0] ? -1 : 1))
    .map(([t, n]) => `${PROCEDURES[t]?.nameZh ?? t}${n}起`)
    .join('、');
  return count(started.map((r) => r.id), `${p.from}至${p.to}采取执法措施共${started.length}起${breakdown ? `（${breakdown}）` : ''}。`);
}

function tipMetric(records: readonly TipRecord[], p: MetricPeriod, rules: TipDeadlineRules, zero: number): MetricValue {
  const received = records.filter((t) => inPeriod(t.receivedOn, p) && t.reporterReachable !== false).sort(byId);
  const withDue = received.map((t) => ({ t, due: tipDeadlines(t, rules).replyDueOn }));
  // Due or answered by the end of the period; tips still within their reply time are left out.
  const counted = withDue.filter(({ t, due }) => due <= p.to || onOrBefore(t.repliedOn, p.to));
  const onTime = counted.filter(({ t, due }) => onOrBefore(t.repliedOn, p.to) && t.repliedOn <= due);
  const onTimeSet = new Set(onTime.map(({ t }) => t.id));
  return rate(
    onTime.map(({ t }) => t.id),
    counted.map(({ t }) => t.id),
    `${p.from}至${p.to}受理、答复期限不晚于${p.to}或已答复的举报中，按期答复的占比`,
    `${p.from}至${p.to}没有已到答复期限或已答复的举报`,
    zero,
    '未按期答复',
    counted.filter(({ t }) => !onTimeSet.has(t.id)).map(({ t }) => t.id),
  );
}

function validatePeriod(p: MetricPeriod): void {
  if (!isLocalDate(p.from) || !isLocalDate(p.to) || p.from > p.to) {
    throw new RangeError(`统计期间无效：${p.from}至${p.to}`);
  }
}

/** All metrics for each unit over the period. */
export function computeLedgerMetrics(
  units: readonly MetricUnit[],
  period: MetricPeriod,
  inputs: MetricInputs,
  options: MetricOptions = {},
): Record<string, UnitMetrics> {
  validatePeriod(period);
  const zero = options.zeroDenominatorRate ?? 100;
  if (!(zero >= 0 && zero <= 100)) throw new RangeError(`分母为0时的取值应在0到100之间：${zero}`);
  const rules = options.tipRules ?? TIP_DEADLINES_2012;

  const index = {
    territorial: {
      hazards: groupBy(inputs.hazards, (r) => r.territorialUnitId),
      inspections: groupBy(inputs.inspections, (r) => r.territorialUnitId),
      measures: groupBy(inputs.enforcementMeasures, (r) => r.territorialUnitId),
    },
    sectoral: {
      hazards: groupBy(inputs.hazards, (r) => r.regulatingUnitId),
      inspections: groupBy(inputs.inspections, (r) => r.regulatingUnitId),
      measures: groupBy(inputs.enforcementMeasures, (r) => r.regulatingUnitId),
    },
  };
  const tipsByUnit = groupBy(inputs.tips, (t) => t.assignedUnitId);
  const training = {
    territorial: trainingCoverageByUnit(inputs.training.enterprises, inputs.training.persons, inputs.training.certificates, period.to, 'territorial'),
    sectoral: trainingCoverageByUnit(inputs.training.enterprises, inputs.training.persons, inputs.training.certificates, period.to, 'sectoral'),
  };

  const out: Record<string, UnitMetrics> = {};
  for (const unit of units) {
    const ix = index[unit.kind];
    const cov = training[unit.kind].get(unit.id);
    const trainingValue: MetricValue =
      cov === undefined || cov.rateHundredths === null
        ? { value: zero, sources: [], detail: `截至${period.to}本单位没有须持证的主要负责人、安全生产管理人员和特种作业人员（分母为0），按约定计为${zero.toFixed(2)}%。` }
        : {
            value: hundredthsToPercent(cov.rateHundredths),
            sources: [...cov.personIds],
            detail: `截至${period.to}，须持证人员${cov.required}人中持有效证书${cov.covered}人：${cov.covered}÷${cov.required}=${formatPercent(cov.rateHundredths)}（四舍五入保留两位小数）；未持有效证书：${cov.uncovered.length === 0 ? '无' : cov.uncovered.slice(0, LISTED_IDS).map((u) => u.reasonZh).join('；')}。`,
          };
    out[unit.id] = {
      ...hazardMetrics(ix.hazards.get(unit.id) ?? [], period, zero),
      ...inspectionMetrics(ix.inspections.get(unit.id) ?? [], period),
      enforcementMeasures: enforcementMetric(ix.measures.get(unit.id) ?? [], period),
      tipsAnsweredOnTimeRate: tipMetric(tipsByUnit.get(unit.id) ?? [], period, rules, zero),
      trainingCoverageRate: trainingValue,
    };
  }
  return out;
}

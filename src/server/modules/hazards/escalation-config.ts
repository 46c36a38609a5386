import type { HazardEscalationConfig } from '../../../domain/ledgers/hazard/hazard-deadlines';

/**
 * 督办 and 挂牌督办 thresholds (docs/ledgers.md §3). The level of the government that lists a
 * 重大隐患 for supervision differs between provinces; this is the district's setting: the
 * regulating department supervises from the first overdue day, and the county-level government
 * (区人民政府) lists a 重大隐患 once it is 30 days overdue.
 */
export const hazardEscalationConfig: HazardEscalationConfig = {
  supervisionWhenOverdueDays: 1,
  listedSupervision: { governmentLevel: 'county', whenOverdueDays: 30, onceGradedMajor: false },
};

import type { AccidentFigures } from './grade';

/**
 * An accident as the rules engine sees it. Attribution to a territorial unit (where it
 * happened) and a regulating unit (the department for its sector) is what fires vetoes and
 * feeds control indicators (primer §4).
 */
export interface Accident extends AccidentFigures {
  id: string;
  /** ISO date (YYYY-MM-DD) or date-time of occurrence. */
  occurredAt: string;
  place?: string;
  /** Unit id of the 镇/街道/开发区 where it happened (属地). */
  territorialUnit?: string;
  /** Sector code, e.g. "construction". */
  sector?: string;
  /** Unit id of the department regulating the sector (行业监管部门). */
  regulatingUnit?: string;
  enterprise?: string;
  /** 责任事故 */
  liability: boolean;
  summary?: string;
  /** Data that stands in for records not published (examples only). */
  illustrative?: boolean;
}

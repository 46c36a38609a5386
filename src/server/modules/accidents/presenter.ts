import { accidentGradeLabels, gradeAccident, type AccidentGrade } from '../../../domain/accidents/grade';
import {
  reportBasis, reportingStatus, reportLevelAuthorities, reportLevelLabels, reportLevelReporters, reportLevels, reportStateText,
} from '../../../domain/accidents/reporting';
import type { ReportLevel, ReportTimes } from '../../../domain/accidents/reporting';
import type { AccidentRow, listAccidentReports, listAccidentVersions } from './repository';

type VersionRows = Awaited<ReturnType<typeof listAccidentVersions>>;
type ReportRows = Awaited<ReturnType<typeof listAccidentReports>>;

/** What the detail adds to a row: the figures' versions and the report times judged at `now`. */
export interface AccidentDetailParts { versions: VersionRows; reports: ReportRows; now: Date }

const isLevel = (level: string): level is ReportLevel => (reportLevels as readonly string[]).includes(level);

export const reportTimesOf = (rows: ReportRows): ReportTimes =>
  Object.fromEntries(rows.filter((r) => isLevel(r.level)).map((r) => [r.level, r.reported_at]));

/** 事故报告时限 of the accident at its current grade (国务院令第493号第九条、第十条). */
export function toReportingView(row: AccidentRow, reports: ReportRows, now: Date) {
  const byLevel = new Map(reports.map((r) => [r.level, r]));
  const status = reportingStatus({ grade: row.grade as AccidentGrade, occurredAt: row.occurred_at, reports: reportTimesOf(reports), now });
  return {
    occurredAtExact: status.occurredAtExact,
    levels: status.levels.map((l) => ({
      level: l.level, levelLabel: reportLevelLabels[l.level], authority: reportLevelAuthorities[l.level], reporter: reportLevelReporters[l.level],
      required: l.required, limitHours: l.limitHours, basis: reportBasis[l.level], deadline: l.deadline, reportedAt: l.reportedAt,
      state: l.state, stateText: reportStateText(l), minutesLate: l.minutesLate,
      recordedBy: byLevel.get(l.level)?.recorded_by_name ?? null, recordedAt: byLevel.get(l.level)?.recorded_at ?? null,
    })),
  };
}

export function toAccidentView(row: AccidentRow, detail?: AccidentDetailParts) {
  const figures = { deaths: row.deaths, seriousInjuries: row.serious_injuries, directLoss: row.direct_loss };
  return {
    id: row.id,
    organisationId: row.organisation_id,
    occurredAt: row.occurred_at,
    place: row.place,
    territorialUnitId: row.territorial_unit_id,
    sector: row.sector,
    regulatingUnitId: row.regulating_unit_id,
    enterprise: row.enterprise,
    liability: row.liability === 1,
    summary: row.summary,
    ...figures,
    grade: row.grade as AccidentGrade,
    gradeLabel: accidentGradeLabels[row.grade as AccidentGrade],
    gradeReasons: gradeAccident(figures).reasons,
    version: row.version,
    ...(detail ? {
      versions: detail.versions.map((v) => ({
        version: v.version, deaths: v.deaths, seriousInjuries: v.serious_injuries, directLoss: v.direct_loss,
        grade: v.grade as AccidentGrade, late: v.late === 1, note: v.note, changedAt: v.changed_at, changedBy: v.changed_by_name,
      })),
      reporting: toReportingView(row, detail.reports, detail.now),
    } : {}),
  };
}

export const accidentResource = (row: AccidentRow) => ({ organisationPath: row.organisation_path });

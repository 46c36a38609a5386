import { accidentGradeLabels, gradeAccident, type AccidentGrade } from '../../../domain/accidents/grade';
import type { AccidentRow, listAccidentVersions } from './repository';

type VersionRows = Awaited<ReturnType<typeof listAccidentVersions>>;

export function toAccidentView(row: AccidentRow, versions?: VersionRows) {
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
    ...(versions ? {
      versions: versions.map((v) => ({
        version: v.version, deaths: v.deaths, seriousInjuries: v.serious_injuries, directLoss: v.direct_loss,
        grade: v.grade as AccidentGrade, late: v.late === 1, note: v.note, changedAt: v.changed_at, changedBy: v.changed_by_name,
      })),
    } : {}),
  };
}

export const accidentResource = (row: AccidentRow) => ({ organisationPath: row.organisation_path });

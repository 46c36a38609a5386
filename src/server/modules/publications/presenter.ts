import { objectionDecisions, type ObjectionDecision } from '../../../domain/workflow/objection';
import type { ObjectionRow } from './repository';

const decisionOf = (value: string | null): ObjectionDecision | null =>
  ((objectionDecisions as readonly string[]).includes(value ?? '') ? (value as ObjectionDecision) : null);

export function toObjectionView(row: ObjectionRow) {
  return {
    id: row.id, unitId: row.unit_id, content: row.content, filedBy: row.filed_by, filedAt: row.filed_at,
    answer: row.answer, answeredBy: row.answered_by, answeredAt: row.answered_at,
    decision: decisionOf(row.decision), revisedAt: row.revised_at,
  };
}

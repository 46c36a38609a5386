import type { ObjectionRow } from './repository';

export function toObjectionView(row: ObjectionRow) {
  return {
    id: row.id, unitId: row.unit_id, content: row.content, filedBy: row.filed_by, filedAt: row.filed_at,
    answer: row.answer, answeredBy: row.answered_by, answeredAt: row.answered_at,
  };
}

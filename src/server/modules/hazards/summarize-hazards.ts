import type { Kysely } from 'kysely';
import type { Actor } from '../../../domain/access/can';
import { canList, listScope } from '../../../domain/access/can';
import { HAZARD_STATE_ZH, type HazardState } from '../../../domain/ledgers/hazard/hazard-card';
import { chinaDateOf } from '../../../domain/ledgers/shared/dates';
import { sectorLabel } from '../../../domain/sectors';
import type { HazardSummary } from '../../../shared/schemas/hazard';
import { hazardStates } from '../../../shared/schemas/hazard';
import { forbidden } from '../../app-error';
import type { DB } from '../../db/schema';
import { summarizeHazards as countHazards } from './repository';

interface CountRow { state: string; n: number | string | bigint; overdue: number | string | bigint | null }

/** Folds the (group, state) rows of one grouping into one entry per group, states in workflow order. */
function fold<R extends CountRow, E extends object>(rows: readonly R[], key: (row: R) => string, extra: (row: R) => E) {
  const groups = new Map<string, { first: R; total: number; overdue: number; states: Map<string, number> }>();
  for (const row of rows) {
    const g = groups.get(key(row)) ?? { first: row, total: 0, overdue: 0, states: new Map<string, number>() };
    const n = Number(row.n);
    g.total += n;
    g.overdue += Number(row.overdue ?? 0);
    g.states.set(row.state, (g.states.get(row.state) ?? 0) + n);
    groups.set(key(row), g);
  }
  return [...groups.values()].map((g) => ({
    ...extra(g.first),
    total: g.total,
    overdue: g.overdue,
    states: hazardStates.filter((s) => g.states.has(s)).map((state) => ({ state, stateLabel: HAZARD_STATE_ZH[state as HazardState], count: g.states.get(state)! })),
  }));
}

/** 隐患统计 for the dashboard: grouped counts in SQL, scoped to the cards the actor may read. */
export async function summarizeHazards(db: Kysely<DB>, actor: Actor, now: Date): Promise<HazardSummary> {
  if (!canList(actor, 'hazard.read')) throw forbidden();
  const today = chinaDateOf(now);
  const { byTown, bySector } = await countHazards(db, listScope(actor, 'hazard.read'), today);
  return {
    today,
    byTown: fold(byTown, (r) => r.unit_id, (r) => ({ unitId: r.unit_id, unitName: r.unit_name })),
    bySector: fold(bySector, (r) => r.sector, (r) => ({ sector: r.sector, sectorLabel: sectorLabel(r.sector) })),
  };
}

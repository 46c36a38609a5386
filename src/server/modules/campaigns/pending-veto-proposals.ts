import type { Kysely } from 'kysely';
import type { PendingVetoProposal } from '../../../domain/workflow/campaign-state';
import { vetoProposals } from '../../../domain/workflow/veto-proposals';
import type { DB } from '../../db/schema';
import { loadCase } from '../results/load-case';
import { listVetoDecisions } from '../results/repository';
import type { CampaignRow } from './repository';

/** The campaign's veto proposals from accidents that the office has neither confirmed nor rejected. */
export async function pendingVetoProposals(db: Kysely<DB>, row: CampaignRow, now: Date): Promise<PendingVetoProposal[]> {
  const input = await loadCase(db, row, now);
  const decided = new Set((await listVetoDecisions(db, row.id)).map((d) => `${d.unit_id}\u0000${d.rule_id}`));
  const accidents = new Map(input.accidents.map((a) => [a.id, a]));
  return vetoProposals(input, input.accidents)
    .filter((p) => !decided.has(`${p.unitId}\u0000${p.ruleId}`))
    .map((p) => ({
      unitName: p.unitName,
      accidents: p.accidentIds.map((id) => {
        const a = accidents.get(id);
        return a ? `${a.occurredAt.slice(0, 10)} ${a.place ?? a.enterprise ?? ''}事故`.replace(' 事故', '事故') : id;
      }),
    }));
}

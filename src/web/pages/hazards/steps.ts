import type { Role } from '../../../domain/access/roles';
import type { HazardActor, HazardActorRole, HazardCard, HazardGrade } from '../../../domain/ledgers/hazard/hazard-card';
import type { HazardCommand } from '../../../domain/ledgers/hazard/transition-hazard';
import { transitionHazard } from '../../../domain/ledgers/hazard/transition-hazard';

export type HazardStepAction = 'register' | 'grade' | 'startRectification' | 'applyForAcceptance' | 'accept' | 'return' | 'close';

/** Steps in the order of the card's life cycle, as the card page offers them. */
export const stepOrder: readonly HazardStepAction[] = ['register', 'grade', 'startRectification', 'applyForAcceptance', 'accept', 'close', 'return'];

/** Steps the enterprise takes, recorded on its behalf by an officer who keeps the card (docs/ledgers.md §9). */
const enterpriseSteps: ReadonlySet<HazardStepAction> = new Set(['startRectification', 'applyForAcceptance']);

/**
 * The role an account acts in on a card, as the server decides it (src/server/modules/hazards/hazard-actor.ts):
 * the office's administrators as 安委办, a town's liaison as its safety officer, a department's liaison as its
 * inspector. Leaders and assessors only read cards.
 */
export function hazardRoleOf(role: Role, unitCategory: string | undefined): HazardActorRole | null {
  if (role === 'systemAdmin' || role === 'committeeAdmin') return 'committeeOffice';
  if (role === 'unitLiaison') {
    if (unitCategory === undefined) return null;
    return unitCategory === 'territorial' ? 'townOfficer' : 'inspector';
  }
  return null;
}

// An empty command of each step: the domain checks role, scope and state before the data, so a
// refusal for missing data means the step is open to the actor (and the form asks for the data).
const probes: Readonly<Record<HazardStepAction, HazardCommand>> = {
  register: { action: 'register', number: '' },
  grade: { action: 'grade', grade: 'general' },
  startRectification: { action: 'startRectification', measures: '', responsiblePerson: '', deadline: '' },
  applyForAcceptance: { action: 'applyForAcceptance', summary: '' },
  accept: { action: 'accept', conclusion: '', reviewer: '' },
  return: { action: 'return', reason: '' },
  close: { action: 'close' },
};

const closedCodes = new Set(['hazard.wrongRole', 'hazard.outOfScope', 'hazard.wrongOrder']);

function open(card: HazardCard, command: HazardCommand, actor: HazardActor): boolean {
  // Dated at the card's last step, so time order never closes a step here (the server dates it).
  const result = transitionHazard(card, command, actor, card.lastActionAt);
  return result.ok || !closedCodes.has(result.code);
}

export interface OpenSteps {
  readonly actions: readonly HazardStepAction[];
  /** The grades the actor may give (a town officer gives 一般 only). */
  readonly grades: readonly HazardGrade[];
}

/** The steps the signed-in account may take on the card now, decided by the domain's own rules. */
export function openSteps(card: HazardCard, role: HazardActorRole | null, unitId: string | null, accountId: string): OpenSteps {
  if (role === null) return { actions: [], grades: [] };
  const officer: HazardActor = { id: accountId, role, ...(unitId ? { unitId } : {}) };
  const enterprise: HazardActor = { id: accountId, role: 'enterprise', enterpriseId: card.enterpriseId };
  const actorFor = (action: HazardStepAction) => (enterpriseSteps.has(action) ? enterprise : officer);
  const grades = (['general', 'major'] as const).filter((grade) => open(card, { action: 'grade', grade, legalBasis: '' }, officer));
  const actions = stepOrder.filter((action) => (action === 'grade' ? grades.length > 0 : open(card, probes[action], actorFor(action))));
  return { actions, grades };
}

import { describe, expect, it } from 'vitest';
import type { HazardActor, HazardCard, HazardState } from '../../../../src/domain/ledgers/hazard/hazard-card.ts';
import type { HazardCommand } from '../../../../src/domain/ledgers/hazard/transition-hazard.ts';
import { transitionHazard } from '../../../../src/domain/ledgers/hazard/transition-hazard.ts';

// Every (state, action) pair: exactly the pairs of the life cycle are accepted; all others are
// refused as out of order, whatever the data.
const STATES: HazardState[] = ['found', 'registered', 'graded', 'rectifying', 'acceptanceApplied', 'accepted', 'closed'];

const plan = {
  goal: 'g',
  measures: 'm',
  funds: { amountYuan: 1000, source: 's' },
  responsibleBody: 'b',
  responsiblePerson: 'p',
  deadline: '2024-12-31',
  safetyAndEmergencyMeasures: 'e',
};

const commands: [HazardCommand, HazardActor, HazardState | null][] = [
  [{ action: 'register', number: 'N' }, { id: 'i', role: 'inspector', unitId: 'D' }, 'found'],
  [{ action: 'grade', grade: 'major', legalBasis: 'b' }, { id: 'i', role: 'inspector', unitId: 'D' }, 'registered'],
  [
    { action: 'startRectification', measures: 'm', responsiblePerson: 'p', deadline: '2024-12-31', plan, fiveInPlace: { measures: true, funds: true, deadline: true, person: true, emergencyPlan: true } },
    { id: 'e', role: 'enterprise', enterpriseId: 'E' },
    'graded',
  ],
  [{ action: 'applyForAcceptance', summary: 's' }, { id: 'e', role: 'enterprise', enterpriseId: 'E' }, 'rectifying'],
  [{ action: 'accept', conclusion: 'c', reviewer: 'r' }, { id: 'i', role: 'inspector', unitId: 'D' }, 'acceptanceApplied'],
  [{ action: 'close' }, { id: 'i', role: 'inspector', unitId: 'D' }, 'accepted'],
];

function cardIn(state: HazardState): HazardCard {
  return {
    id: 'hz',
    enterpriseId: 'E',
    territorialUnitId: 'T',
    regulatingUnitId: 'D',
    sector: 's',
    foundOn: '2024-01-01',
    foundWay: 'inspection',
    foundBy: 'f',
    place: 'p',
    description: 'd',
    photosBefore: [],
    state,
    grade: 'major',
    rectification: { measures: 'm', responsiblePerson: 'p', deadline: '2024-12-31' },
    acceptanceAppliedOn: '2024-06-01',
    acceptanceDueOn: '2024-06-11',
    photosAfter: [],
    enforcementDocumentNumbers: [],
    returnCount: 0,
    lastActionAt: '2024-06-01T00:00:00.000Z',
  };
}

describe('hazard life cycle matrix', () => {
  for (const [command, actor, from] of commands) {
    for (const state of STATES) {
      const allowed = state === from;
      it(`${command.action} from ${state}: ${allowed ? 'accepted' : 'refused as out of order'}`, () => {
        const r = transitionHazard(cardIn(state), command, actor, '2024-06-05T00:00:00Z');
        if (allowed) expect(r.ok).toBe(true);
        else expect(r).toMatchObject({ ok: false, code: 'hazard.wrongOrder' });
      });
    }
  }

  for (const state of STATES) {
    const returnable = state !== 'found' && state !== 'closed';
    it(`return from ${state}: ${returnable ? 'accepted' : 'refused'}`, () => {
      const r = transitionHazard(cardIn(state), { action: 'return', reason: 'r' }, { id: 'i', role: 'inspector', unitId: 'D' }, '2024-06-05T00:00:00Z');
      expect(r.ok).toBe(returnable);
    });
  }
});

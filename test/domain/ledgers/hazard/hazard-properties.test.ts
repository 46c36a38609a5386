import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { HazardActor, HazardCard } from '../../../../src/domain/ledgers/hazard/hazard-card.ts';
import type { HazardCommand } from '../../../../src/domain/ledgers/hazard/transition-hazard.ts';
import { createHazardCard, RETURN_TARGET, transitionHazard } from '../../../../src/domain/ledgers/hazard/transition-hazard.ts';

const actors: HazardActor[] = [
  { id: 'e', role: 'enterprise', enterpriseId: 'E' },
  { id: 't', role: 'townOfficer', unitId: 'T' },
  { id: 'i', role: 'inspector', unitId: 'D' },
  { id: 'o', role: 'committeeOffice' },
];
const plan = {
  goal: 'g',
  measures: 'm',
  funds: { amountYuan: 1000, source: 's' },
  responsibleBody: 'b',
  responsiblePerson: 'p',
  deadline: '2024-12-31',
  safetyAndEmergencyMeasures: 'e',
};
const five = { measures: true, funds: true, deadline: true, person: true, emergencyPlan: true };

const commandArb: fc.Arbitrary<HazardCommand> = fc.oneof(
  fc.constant<HazardCommand>({ action: 'register', number: 'N' }),
  fc.constantFrom<HazardCommand>({ action: 'grade', grade: 'general' }, { action: 'grade', grade: 'major', legalBasis: 'b' }, { action: 'grade', grade: 'major' }),
  fc.constantFrom<HazardCommand>(
    { action: 'startRectification', measures: 'm', responsiblePerson: 'p', deadline: '2024-12-31' },
    { action: 'startRectification', measures: 'm', responsiblePerson: 'p', deadline: '2024-12-31', plan, fiveInPlace: five },
  ),
  fc.constant<HazardCommand>({ action: 'applyForAcceptance', summary: 's' }),
  fc.constant<HazardCommand>({ action: 'accept', conclusion: 'c', reviewer: 'r' }),
  fc.constantFrom<HazardCommand>({ action: 'return', reason: 'r' }, { action: 'return', reason: '' }),
  fc.constant<HazardCommand>({ action: 'close' }),
);

const FORWARD_TO: Record<string, string> = {
  register: 'registered',
  grade: 'graded',
  startRectification: 'rectifying',
  applyForAcceptance: 'acceptanceApplied',
  accept: 'accepted',
  close: 'closed',
};

/** The proper next step, so that random runs also reach the late states. */
function advance(card: HazardCard): [HazardCommand, HazardActor] {
  const inspector = actors[2]!;
  const enterprise = actors[0]!;
  switch (card.state) {
    case 'found':
      return [{ action: 'register', number: 'N' }, inspector];
    case 'registered':
      return [{ action: 'grade', grade: 'major', legalBasis: 'b' }, inspector];
    case 'graded':
      return [{ action: 'startRectification', measures: 'm', responsiblePerson: 'p', deadline: '2024-12-31', plan, fiveInPlace: five }, enterprise];
    case 'rectifying':
      return [{ action: 'applyForAcceptance', summary: 's' }, enterprise];
    case 'acceptanceApplied':
      return [{ action: 'accept', conclusion: 'c', reviewer: 'r' }, inspector];
    default:
      return [{ action: 'close' }, inspector];
  }
}

describe('hazard life cycle properties', () => {
  it('any sequence of attempts keeps the card consistent', () => {
    const attemptArb = fc.oneof(fc.tuple(commandArb, fc.constantFrom(...actors)), fc.constant('advance' as const));
    fc.assert(
      fc.property(fc.array(attemptArb, { maxLength: 40 }), (attempts) => {
        const start = createHazardCard(
          { id: 'h', enterpriseId: 'E', territorialUnitId: 'T', regulatingUnitId: 'D', sector: 's', foundOn: '2024-06-01', foundWay: 'inspection', foundBy: 'f', place: 'p', description: 'd' },
          actors[2]!,
          '2024-06-01T00:00:00Z',
        );
        if (!start.ok) throw new Error(start.messageZh);
        let card: HazardCard = start.card;
        let minute = 0;
        for (const attempt of attempts) {
          const [command, actor] = attempt === 'advance' ? advance(card) : attempt;
          minute += 1;
          const r = transitionHazard(card, command, actor, new Date(Date.parse('2024-06-02T00:00:00Z') + minute * 60_000));
          if (!r.ok) {
            expect(r.messageZh.length).toBeGreaterThan(0);
            continue;
          }
          // the move is one the life cycle allows
          const expected = command.action === 'return' ? RETURN_TARGET[card.state] : FORWARD_TO[command.action];
          expect(r.card.state).toBe(expected);
          expect(r.event).toMatchObject({ from: card.state, to: r.card.state, actorId: actor.id });
          // a major hazard is only ever rectified under a complete plan with 五到位
          if (r.card.state === 'rectifying' && r.card.grade === 'major') {
            expect(r.card.rectification?.plan).toBeDefined();
            expect(r.card.rectification?.fiveInPlace).toEqual(five);
          }
          // the enterprise never grades, accepts or closes; a town officer never handles a major hazard past registration
          if (['grade', 'accept', 'close'].includes(command.action)) expect(actor.role).not.toBe('enterprise');
          if (actor.role === 'townOfficer' && command.action !== 'register') expect(r.card.grade).not.toBe('major');
          if (r.card.state === 'closed') expect([r.card.acceptedOn, r.card.closedOn, r.card.number]).not.toContain(undefined);
          card = r.card;
        }
      }),
    );
  });
});

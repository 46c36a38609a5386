import { describe, expect, it } from 'vitest';
import { beforeAssessment, campaignStates, schemeRevisable, type CampaignState } from '../../../src/domain/workflow/campaign-state';

describe('beforeAssessment: the states in which a unit does not yet see the team scores', () => {
  const table: [CampaignState, boolean][] = [
    ['preparation', true],
    ['signing', true],
    ['inProgress', true],
    ['selfAssessment', true],
    ['assessment', false],
    ['officeReview', false],
    ['committeeApproval', false],
    ['publicity', false],
    ['published', false],
  ];

  it.each(table)('%s → %s', (state, expected) => {
    expect(beforeAssessment(state)).toBe(expected);
  });

  it('covers every campaign state', () => {
    expect(table.map(([s]) => s)).toEqual([...campaignStates]);
  });

  it('an unknown state is not "before assessment"', () => {
    expect(beforeAssessment('archived')).toBe(false);
  });
});

describe('schemeRevisable: the states in which the scheme may still be revised', () => {
  const table: [CampaignState, boolean][] = [
    ['preparation', true], ['signing', true], ['inProgress', true], ['selfAssessment', false], ['assessment', false],
    ['officeReview', false], ['committeeApproval', false], ['publicity', false], ['published', false],
  ];
  it.each(table)('%s → %s', (state, expected) => {
    expect(schemeRevisable(state)).toBe(expected);
  });
  it('covers every state, and no unknown one', () => {
    expect(table.map(([s]) => s)).toEqual([...campaignStates]);
    expect(schemeRevisable('archived')).toBe(false);
  });
});

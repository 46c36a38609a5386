import type { Role } from './roles';

/**
 * Who may do what, in one pure function. Every route calls `can` for the resource it
 * touches, and every list query is restricted by `listScope`, which grants exactly the
 * rows `can` would allow one by one.
 */
export interface Actor {
  accountId: string;
  role: Role;
  /** Materialised path of the actor's organisation, '/370000/370300/370306/'. */
  organisationPath: string;
  /** unitLiaison: the one unit whose data the actor sees and edits. */
  unitId: string | null;
  /** assessor: the units the actor is assigned to assess. */
  assignedUnitIds: readonly string[];
}

export const actions = [
  'organisation.read',
  'unit.read',
  // 单位名录: the names and kinds of the units of one's organisation, to choose one in a form (the
  // department regulating an enterprise, the unit a tip is assigned to); the notice publishes them
  'unit.directory',
  'unit.update',
  'account.read',
  'account.create',
  'account.update',
  'audit.read',
  'file.upload',
  'file.read',
  // the annual workflow (issue 4)
  'campaign.read',
  'campaign.manage',
  'result.read',
  'score.self',
  'score.team',
  'objection.file',
  'accident.read',
  'accident.record',
  'report.submit',
  'result.respond',
  // supervision ledgers (issue 7): 一企一档 and 一隐患一卡
  'enterprise.read',
  'enterprise.manage',
  'hazard.read',
  'hazard.manage',
  // 举报 (docs/ledgers.md §6): a tip is seen by the office and by the unit it is assigned to
  'tip.read',
  'tip.manage',
  // 执法措施 (docs/ledgers.md §4): kept by the enterprise's town and its regulating department
  'enforcement.read',
  'enforcement.manage',
  // 专家库 (docs/ledgers.md §5): kept by the committee office; its personal data go no further
  'expert.read',
  'expert.manage',
  // 检查 (docs/ledgers.md §5): belongs, like its enterprise, to the town and the regulating department
  'inspection.read',
  'inspection.manage',
  // 培训覆盖 (docs/ledgers.md §7): a person and their certificates belong, like their enterprise, to
  // its town and its regulating department; a session to the unit that held it
  'training.read',
  'training.manage',
  // 专项行动 (docs/ledgers.md §7): planned by the committee office; each unit with tasks reads the
  // campaign as far as its own tasks go and reports its own progress
  'specialCampaign.read',
  'specialCampaign.manage',
  'specialCampaign.report',
] as const;
export type Action = (typeof actions)[number];

/** What an action is applied to: where it sits in the tree and, for unit data, which unit. */
export interface Resource {
  organisationPath: string;
  unitId?: string | null;
}

const readActions: ReadonlySet<Action> = new Set([
  'organisation.read', 'unit.read', 'unit.directory', 'account.read', 'audit.read', 'file.read', 'campaign.read', 'result.read', 'accident.read',
  'enterprise.read', 'hazard.read', 'tip.read', 'enforcement.read', 'inspection.read', 'training.read', 'specialCampaign.read',
]);
const assessorActions: ReadonlySet<Action> = new Set([
  'unit.read', 'file.read', 'file.upload', 'result.read', 'score.team', 'enterprise.read', 'hazard.read', 'enforcement.read',
  // coverage is scored (持证培训覆盖率), so the assessors of a unit read its register
  'training.read',
]);
const liaisonActions: ReadonlySet<Action> = new Set([
  'unit.read', 'file.read', 'file.upload', 'result.read', 'score.self', 'objection.file', 'report.submit', 'result.respond',
  // a town's or department's liaison keeps the ledgers of its own unit (the territorial town or
  // the regulating department of the enterprise or hazard)
  'enterprise.read', 'enterprise.manage', 'hazard.read', 'hazard.manage', 'enforcement.read', 'enforcement.manage',
  // the unit a tip is assigned to verifies it and answers the reporter; assessors never see tips
  'tip.read', 'tip.manage',
  // the enterprise's town and department plan and record its inspections; assessors never see them
  'inspection.read', 'inspection.manage',
  // a town or department keeps the training register of its enterprises
  'training.read', 'training.manage',
  // a unit reads the special campaigns it has tasks in and reports its own progress; only the
  // office plans them (specialCampaign.manage is not here)
  'specialCampaign.read', 'specialCampaign.report',
]);
/** Seen by everyone in the organisation's tree: a campaign's existence, dates and state. */
const treeActions: ReadonlySet<Action> = new Set(['organisation.read', 'campaign.read', 'unit.directory']);

function inSubtree(actor: Actor, resource: Resource): boolean {
  return resource.organisationPath.startsWith(actor.organisationPath);
}

export function can(actor: Actor, action: Action, resource: Resource): boolean {
  switch (actor.role) {
    case 'systemAdmin':
      return true;
    case 'committeeAdmin':
      // 安委办管理员: runs the assessment for its organisation and everything below it.
      return inSubtree(actor, resource);
    case 'leader':
      // 领导: read-only, the whole subtree of its organisation.
      return readActions.has(action) && inSubtree(actor, resource);
    case 'assessor':
      // 考核组成员: the organisation tree of its jurisdiction, and only the units assigned to it.
      if (treeActions.has(action)) return inSubtree(actor, resource);
      return assessorActions.has(action) && resource.unitId != null && actor.assignedUnitIds.includes(resource.unitId);
    case 'unitLiaison':
      // 单位联络员: sees and edits only its own unit's data (and the campaigns it takes part in).
      if (action === 'campaign.read' || action === 'unit.directory') return inSubtree(actor, resource);
      return liaisonActions.has(action) && resource.unitId != null && resource.unitId === actor.unitId;
  }
}

/** The rows a list may return for an action: the list form of `can`. */
export type Scope =
  | { kind: 'all' }
  | { kind: 'subtree'; path: string }
  | { kind: 'units'; unitIds: readonly string[] }
  | { kind: 'none' };

export function listScope(actor: Actor, action: Action): Scope {
  switch (actor.role) {
    case 'systemAdmin':
      return { kind: 'all' };
    case 'committeeAdmin':
      return { kind: 'subtree', path: actor.organisationPath };
    case 'leader':
      return readActions.has(action) ? { kind: 'subtree', path: actor.organisationPath } : { kind: 'none' };
    case 'assessor':
      if (treeActions.has(action)) return { kind: 'subtree', path: actor.organisationPath };
      return assessorActions.has(action) ? { kind: 'units', unitIds: actor.assignedUnitIds } : { kind: 'none' };
    case 'unitLiaison':
      if (action === 'campaign.read' || action === 'unit.directory') return { kind: 'subtree', path: actor.organisationPath };
      return liaisonActions.has(action) && actor.unitId ? { kind: 'units', unitIds: [actor.unitId] } : { kind: 'none' };
  }
}

/** True when the actor may perform the action on at least some rows (decides 403 for a list). */
export function canList(actor: Actor, action: Action): boolean {
  return listScope(actor, action).kind !== 'none';
}

import { canList } from '../domain/access/can';
import type { Action, Actor } from '../domain/access/can';
import type { AccountView } from '../shared/schemas/account';

/**
 * What the menu may offer, decided by the same `canList` the server applies to every list
 * (src/domain/access/can.ts). Whether a list is open at all depends on the role (and a
 * liaison's unit), not on the organisation path, so the account from the session suffices;
 * the root path stands in for it (also for `can` on the reader's own organisation's data).
 */
export function actorOf(account: AccountView): Actor {
  return { accountId: account.id, role: account.role, organisationPath: '/', unitId: account.unitId, assignedUnitIds: [] };
}

export function mayList(account: AccountView, action: Action): boolean {
  return canList(actorOf(account), action);
}

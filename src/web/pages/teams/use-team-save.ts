import { useState } from 'react';
import type { TeamView } from '../../../shared/schemas/team';
import { errorMessage } from '../../api/client';
import { teamMessage } from './teams-view';

/**
 * Saving a team from one of its dialogs (组建 / 修改考核组, 分配负责单位): `save` sends the request
 * and hands the saved team on; a refusal (a stale version, 409, or a rule of team-checks.ts) is
 * kept in the server's words for the dialog to show, and the page is told to reload its list.
 */
export function useTeamSave(onSaved: (saved: TeamView) => void, onRefused: () => void) {
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const save = async (send: () => Promise<TeamView>) => {
    setSaving(true);
    setError(null);
    try {
      onSaved(await send());
    } catch (failure) {
      setError(teamMessage(errorMessage(failure)));
      onRefused();
    } finally {
      setSaving(false);
    }
  };
  return { error, saving, save };
}

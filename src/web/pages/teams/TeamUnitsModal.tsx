import { Alert, Modal, Transfer, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { TeamView } from '../../../shared/schemas/team';
import { teamsApi } from './api';
import { unitOwners, type CampaignUnitRef } from './teams-view';
import { useTeamSave } from './use-team-save';

interface Item { key: string; title: string; owner: string | null; disabled: boolean }

/**
 * 分配负责单位: the campaign's units, each with the team it already has. A unit belongs to at
 * most one team of the campaign (assessment_team_unit's key), so a unit of another team is shown
 * with that team's name and cannot be moved here until that team lets it go.
 */
export function TeamUnitsModal({ campaignId, team, teams, units, onClose, onSaved, onRefused }: {
  campaignId: string; team: TeamView; teams: readonly TeamView[]; units: readonly CampaignUnitRef[];
  onClose: () => void; onSaved: (saved: TeamView) => void; onRefused: () => void;
}) {
  const [target, setTarget] = useState<string[]>(() => team.units.map((u) => u.unitId));
  const { error, saving, save: send } = useTeamSave(onSaved, onRefused);
  const items = useMemo<Item[]>(() => {
    const owners = unitOwners(teams);
    return units.map((u) => {
      const owner = owners.get(u.unitId);
      const other = owner && owner.teamId !== team.id ? owner.teamName : null;
      return { key: u.unitId, title: u.name, owner: other, disabled: other !== null };
    });
  }, [teams, units, team.id]);

  const save = () => {
    // In the campaign's order, whatever order they were moved in.
    const chosen = new Set(target);
    return send(() => teamsApi.assignUnits(campaignId, team.id, { version: team.version, unitIds: units.map((u) => u.unitId).filter((id) => chosen.has(id)) }));
  };

  return (
    <Modal
      open
      title={`分配负责单位：${team.name}`}
      okText="保存"
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => { void save(); }}
      onCancel={onClose}
      destroyOnHidden
      width={760}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} role="alert" />}
      <Typography.Paragraph type="secondary">
        一个单位只能由一个考核组负责；已由其他考核组负责的单位标出组名，须先从该组移出。
      </Typography.Paragraph>
      <Transfer<Item>
        dataSource={items}
        targetKeys={target}
        onChange={(keys) => setTarget(keys.map(String))}
        render={(item) => (
          <span>
            {item.title}
            {item.owner && <Typography.Text type="secondary">（{item.owner}）</Typography.Text>}
          </span>
        )}
        titles={['其他单位', '本组负责']}
        actions={['分配到本组', '移出本组']}
        showSearch={{ placeholder: '搜索单位' }}
        filterOption={(input, item) => item.title.includes(input) || (item.owner ?? '').includes(input)}
        styles={{ section: { width: 300, height: 380 } }}
        oneWay={false}
      />
    </Modal>
  );
}

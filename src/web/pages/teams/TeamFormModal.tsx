import { Alert, Form, Input, Modal, Select } from 'antd';
import { useMemo } from 'react';
import { teamCreateSchema, type TeamView } from '../../../shared/schemas/team';
import { zodRule } from '../../components/zod-rule';
import { teamsApi, type Assessor } from './api';
import { teamBody, teamFormProblem, type TeamFormValues } from './teams-view';
import { useTeamSave } from './use-team-save';

/**
 * 组建 / 修改考核组: the name, the members picked from the district's 考核组成员 accounts and the
 * leader among them. An edit is sent with the version the team was read at; a refusal (someone
 * changed the team meanwhile, 409) is shown in the server's words and the list is reloaded.
 */
export function TeamFormModal({ campaignId, team, assessors, onClose, onSaved, onRefused }: {
  /** the team as read when the form opened (its version is the one sent), or null for a new one */
  team: TeamView | null;
  campaignId: string; assessors: readonly Assessor[]; onClose: () => void; onSaved: (saved: TeamView) => void; onRefused: () => void;
}) {
  const [form] = Form.useForm<TeamFormValues>();
  const { error, saving, save: send } = useTeamSave(onSaved, onRefused);
  const memberIds = Form.useWatch('memberIds', form) ?? [];
  // Disabled accounts are offered only where the team still has them, marked, so they can be removed.
  const disabled = useMemo(() => new Map(assessors.filter((a) => a.disabled).map((a) => [a.id, a.displayName])), [assessors]);
  const names = useMemo(() => {
    const m = new Map(assessors.map((a) => [a.id, a.displayName]));
    for (const member of team?.members ?? []) if (!m.has(member.accountId)) m.set(member.accountId, member.displayName);
    return m;
  }, [assessors, team]);
  const label = (id: string) => `${names.get(id) ?? '未知账号'}${disabled.has(id) ? '（已停用）' : ''}`;
  const enabledIds = assessors.filter((a) => !a.disabled).map((a) => a.id);
  const keptIds = (team?.members ?? []).map((m) => m.accountId).filter((id) => !enabledIds.includes(id));
  const memberOptions = [...enabledIds, ...keptIds].map((id) => ({ value: id, label: label(id) }));
  const leaderOptions = memberIds.map((id) => ({ value: id, label: label(id) }));

  const save = async () => {
    const values = await form.validateFields();
    const problem = teamFormProblem(values, disabled);
    if (problem) {
      form.setFields([{ name: problem.field, errors: [problem.message] }]);
      return;
    }
    const body = teamBody(values);
    await send(() => (team ? teamsApi.update(campaignId, team.id, { version: team.version, ...body }) : teamsApi.create(campaignId, body)));
  };

  return (
    <Modal
      open
      title={team ? `修改考核组：${team.name}` : '组建考核组'}
      okText="保存"
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => { void save(); }}
      onCancel={onClose}
      destroyOnHidden
      width={560}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} role="alert" />}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ name: team?.name ?? '', memberIds: team?.members.map((m) => m.accountId) ?? [], leaderId: team?.leaderId ?? undefined }}
        onValuesChange={(changed: TeamFormValues) => {
          // The check across both fields (teamFormProblem) is made again on saving.
          if (changed.memberIds || 'leaderId' in changed) form.setFields([{ name: 'leaderId', errors: [] }, { name: 'memberIds', errors: [] }]);
          // A leader taken out of the members is no longer the leader.
          if (changed.memberIds && form.getFieldValue('leaderId') && !changed.memberIds.includes(form.getFieldValue('leaderId') as string)) {
            form.setFieldValue('leaderId', undefined);
          }
        }}
      >
        <Form.Item name="name" label="考核组名称" rules={[zodRule(teamCreateSchema.shape.name, '请填写考核组名称')]}>
          <Input aria-label="考核组名称" placeholder="如“第四考核组”" maxLength={50} />
        </Form.Item>
        <Form.Item name="memberIds" label="组员" extra="从本辖区的考核组成员账号中选择；组长须为组员之一。">
          <Select
            mode="multiple"
            aria-label="组员"
            placeholder="选择组员"
            options={memberOptions}
            optionFilterProp="label"
            notFoundContent="没有可选的考核组成员账号"
          />
        </Form.Item>
        <Form.Item name="leaderId" label="组长" extra="组长确认本组对各单位的考核组评分。">
          <Select aria-label="组长" placeholder={memberIds.length > 0 ? '选择组长' : '请先选择组员'} options={leaderOptions} allowClear notFoundContent="请先选择组员" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

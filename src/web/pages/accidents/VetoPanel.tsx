import { Alert, App, Button, Card, Empty, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { vetoDecisionSchema } from '../../../shared/schemas/accident';
import { errorMessage } from '../../api/client';
import { useRequest } from '../../api/use-request';
import { zodRule } from '../../components/zod-rule';
import { accidentApi, defaultCampaignId } from './api';
import type { AccidentView, VetoProposal } from './api';
import { occurredText } from './AccidentDetail';

const decisionLabels: Record<VetoProposal['decision'], { text: string; colour: string }> = {
  pending: { text: '待处理', colour: 'gold' },
  confirmed: { text: '已确认否决', colour: 'red' },
  rejected: { text: '已驳回', colour: 'default' },
};

const actionLabels = { confirmed: '确认否决', rejected: '驳回' } as const;

function DecisionDialog({ campaignId, proposal, decision, onClose, onSaved }: {
  campaignId: string;
  proposal: VetoProposal;
  decision: 'confirmed' | 'rejected';
  onClose: () => void;
  onSaved: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason?: string }>();
  const [saving, setSaving] = useState(false);
  const save = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return; // the form shows what is wrong
    const { reason } = values;
    setSaving(true);
    try {
      await accidentApi.decide(campaignId, { unitId: proposal.unitId, ruleId: proposal.ruleId, decision, reason: reason ?? '' });
      message.success(decision === 'confirmed' ? '已确认否决' : '已驳回否决建议');
      onSaved();
    } catch (failure) {
      message.error(errorMessage(failure));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open
      title={`${actionLabels[decision]}：${proposal.unitName}`}
      okText={actionLabels[decision]}
      okButtonProps={{ danger: decision === 'confirmed' }}
      cancelText="取消"
      onOk={save}
      onCancel={onClose}
      confirmLoading={saving}
      destroyOnHidden
    >
      <Typography.Paragraph>否决建议：{proposal.reason}</Typography.Paragraph>
      <Form form={form} layout="vertical">
        <Form.Item
          label={decision === 'confirmed' ? '确认理由' : '驳回理由'}
          name="reason"
          rules={[zodRule(vetoDecisionSchema.shape.reason, decision === 'confirmed' ? '请填写确认理由' : '驳回必须写明理由')]}
        >
          <Input.TextArea rows={3} maxLength={1000} showCount placeholder={decision === 'rejected' ? '如：经调查认定为非生产安全事故' : '如：经核实，事故属实'} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/**
 * 否决建议: accidents that meet a veto rule of the chosen campaign, per unit; the office
 * confirms or rejects each with a reason (a rejected proposal no longer vetoes).
 */
export function VetoPanel({ mayDecide, accidents, refreshKey }: { mayDecide: boolean; accidents: ReadonlyMap<string, AccidentView>; refreshKey: number }) {
  const campaigns = useRequest(() => accidentApi.campaigns(), []);
  const [campaignId, setCampaignId] = useState<string>();
  const [deciding, setDeciding] = useState<{ proposal: VetoProposal; decision: 'confirmed' | 'rejected' }>();
  useEffect(() => {
    if (!campaignId && campaigns.data) setCampaignId(defaultCampaignId(campaigns.data.items, new Date().getFullYear()));
  }, [campaigns.data, campaignId]);
  const proposals = useRequest(
    () => (campaignId ? accidentApi.proposals(campaignId) : Promise.resolve({ items: [] })),
    [campaignId, refreshKey],
  );
  const accidentText = (id: string) => {
    const a = accidents.get(id);
    if (!a) return '事故 1 起';
    return `${occurredText(a.occurredAt).slice(0, 10)} ${a.place ?? ''}（${a.gradeLabel}，死亡${a.deaths}人）`;
  };
  const campaignOptions = (campaigns.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }));

  return (
    <Card
      title="否决建议"
      extra={(
        <label>
          考核活动：
          <Select aria-label="选择考核活动" style={{ width: 260 }} options={campaignOptions} value={campaignId} onChange={setCampaignId}
            loading={campaigns.loading} placeholder="选择考核活动" />
        </label>
      )}
    >
      <Typography.Paragraph type="secondary">
        事故达到考核方案一票否决规则的单位列在这里。确认后该单位被否决；驳回须写明理由，驳回后不再否决。考核结果提请审定后不能再处理。
      </Typography.Paragraph>
      {(campaigns.error ?? proposals.error) && <Alert type="error" showIcon title={campaigns.error ?? proposals.error} style={{ marginBottom: 12 }} />}
      <Table<VetoProposal>
        rowKey={(p) => `${p.unitId}/${p.ruleId}`}
        size="small"
        loading={proposals.loading}
        dataSource={proposals.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: <Empty description="本考核活动没有否决建议" /> }}
        scroll={{ x: 720 }}
        columns={[
          { title: '单位', dataIndex: 'unitName', width: 110 },
          { title: '建议', dataIndex: 'reason', width: 180 },
          {
            title: '涉及事故', dataIndex: 'accidentIds',
            render: (ids: string[]) => <Space orientation="vertical" size={0}>{ids.map((id) => <span key={id}>{accidentText(id)}</span>)}</Space>,
          },
          {
            title: '处理结果', dataIndex: 'decision', width: 170,
            render: (_: unknown, p) => (
              <Space orientation="vertical" size={0}>
                <Tag color={decisionLabels[p.decision].colour}>{decisionLabels[p.decision].text}</Tag>
                {p.decisionReason && <Typography.Text type="secondary">理由：{p.decisionReason}</Typography.Text>}
              </Space>
            ),
          },
          ...(mayDecide ? [{
            title: '操作', key: 'actions', width: 120,
            render: (_: unknown, p: VetoProposal) => (
              <Space>
                {p.decision !== 'confirmed' && <Button size="small" danger onClick={() => setDeciding({ proposal: p, decision: 'confirmed' })}>确认</Button>}
                {p.decision !== 'rejected' && <Button size="small" onClick={() => setDeciding({ proposal: p, decision: 'rejected' })}>驳回</Button>}
              </Space>
            ),
          }] : []),
        ]}
      />
      {deciding && campaignId && (
        <DecisionDialog
          campaignId={campaignId}
          proposal={deciding.proposal}
          decision={deciding.decision}
          onClose={() => setDeciding(undefined)}
          onSaved={() => { setDeciding(undefined); proposals.reload(); }}
        />
      )}
    </Card>
  );
}

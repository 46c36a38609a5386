import { Alert, App, Button, Card, Form, Input, InputNumber, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { campaignStateLabels, campaignTransitions, publishBlockers } from '../../../../domain/workflow/campaign-state';
import type { CampaignAction } from '../../../../domain/workflow/campaign-state';
import { campaignTransitionSchema } from '../../../../shared/schemas/campaign';
import type { AccountView } from '../../../../shared/schemas/account';
import type { CampaignView } from '../../../../shared/schemas/campaign';
import type { ProgressReport } from '../../../../shared/schemas/progress-stream';
import { errorMessage } from '../../../api/client';
import { zodRule } from '../../../components/zod-rule';
import { approvalApi } from './api';
import { FreezeProgress } from './FreezeProgress';

/** The transitions the state machine offers this role from the campaign's state. */
export function transitionsFor(campaign: CampaignView, account: AccountView): CampaignAction[] {
  return (Object.keys(campaignTransitions) as CampaignAction[]).filter((action) => {
    const rule = campaignTransitions[action];
    return rule.from.includes(campaign.state) && rule.roles.includes(account.role);
  });
}

const publicityDays = campaignTransitionSchema.shape.publicityDays.unwrap().int('公示天数应为整数').min(1, '公示天数应为 1 至 30 天').max(30, '公示天数应为 1 至 30 天');

/**
 * One button per transition the role may make now; each asks for confirmation, with the
 * meeting and publicity days on approval and a reason on return. A refusal (for instance
 * approval while veto proposals await a decision) is shown as the server words it. Beside
 * 发布通报 stands what publication still waits for (the domain's publishBlockers, the words
 * the server refuses with): the publicity term, the objections not yet answered, and those
 * upheld (申诉成立), for which the page offers 退回重新评分 with the reason filled in.
 * Publication computes and stores every unit's result and trace, which takes seconds for a
 * large district: the dialog shows the server's progress and cannot be closed meanwhile.
 */
export function TransitionActions({ campaign, account, openObjections, upheldUnits, onChanged }: {
  campaign: CampaignView; account: AccountView; openObjections: number | undefined;
  /** units whose objection was upheld and not yet returned for re-scoring */
  upheldUnits: readonly string[];
  onChanged: (view: CampaignView) => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [action, setAction] = useState<CampaignAction | null>(null);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [progress, setProgress] = useState<ProgressReport | null>(null);
  const actions = transitionsFor(campaign, account);
  const rule = action ? campaignTransitions[action] : null;
  const waiting = actions.includes('publish') && openObjections !== undefined
    ? publishBlockers({ publicityEndsAt: campaign.publicityEndsAt, openObjections, upheldObjections: upheldUnits.length }, new Date().toISOString())
    : [];
  const mayReturn = actions.includes('returnForRevision');
  const upheldReason = upheldUnits.length > 0 ? `${upheldUnits.join('、')}的申诉经复核成立，更正评分后重新审定并公示` : undefined;

  const open = (next: CampaignAction) => {
    form.resetFields();
    setFailure(null);
    setProgress(null);
    setAction(next);
  };
  const submit = async () => {
    if (!action) return;
    // A field the form refuses shows its message beside it; nothing is sent.
    const values = (await form.validateFields().catch(() => null)) as { meeting?: string; publicityDays?: number; reason?: string } | null;
    if (!values) return;
    setSaving(true);
    setFailure(null);
    setProgress(null);
    try {
      const body = campaignTransitionSchema.parse({ action, version: campaign.version, ...values });
      const view = action === 'publish'
        ? await approvalApi.transitionWithProgress(campaign.id, body, setProgress)
        : await approvalApi.transition(campaign.id, body);
      message.success(`已${campaignTransitions[action].label}，当前状态：${view.stateLabel}`);
      setAction(null);
      onChanged(view);
    } catch (error) {
      setProgress(null);
      setFailure(errorMessage(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card title="可办理的操作">
      {actions.length === 0 ? (
        <Typography.Text type="secondary" aria-label="无可办理的操作">
          当前状态为“{campaign.stateLabel}”，您的角色没有可办理的状态变更。
        </Typography.Text>
      ) : (
        <Space wrap>
          {actions.map((a) => (
            <Button key={a} type={a === 'returnForRevision' ? 'default' : 'primary'} danger={a === 'returnForRevision'} onClick={() => open(a)}>
              {campaignTransitions[a].label}
            </Button>
          ))}
        </Space>
      )}
      {waiting.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 12 }}
          aria-label="暂不能发布的原因"
          title="暂不能发布通报"
          description={(
            <>
              {waiting.map((w) => <div key={w}>{w}。</div>)}
              {openObjections ? <div>请在下方“申诉”中逐件答复。</div> : null}
              {upheldUnits.length > 0 && mayReturn ? (
                <div>请点击上方“{campaignTransitions.returnForRevision.label}”，更正{upheldUnits.join('、')}的评分。</div>
              ) : null}
            </>
          )}
        />
      )}
      <Modal
        open={action !== null}
        title={rule ? `确认：${rule.label}` : ''}
        okText="确认"
        cancelText="取消"
        confirmLoading={saving}
        cancelButtonProps={{ disabled: saving }}
        closable={!saving}
        keyboard={!saving}
        mask={{ closable: !saving }}
        onOk={() => void submit()}
        onCancel={() => { if (!saving) setAction(null); }}
        destroyOnHidden
      >
        {rule && (
          <Typography.Paragraph>
            “{campaign.name}”将由“{campaign.stateLabel}”进入“{campaignStateLabels[rule.to]}”。
          </Typography.Paragraph>
        )}
        {/* An upheld objection is the usual reason to return from publicity: said for the office, to amend. */}
        <Form form={form} layout="vertical" disabled={saving} initialValues={{ publicityDays: campaign.publicityDays ?? 5, reason: upheldReason }}>
          {action === 'approve' && (
            <>
              <Form.Item name="meeting" label="审定会议" rules={[zodRule(campaignTransitionSchema.shape.meeting, '请填写审定会议')]}>
                <Input placeholder="如：区安委会2015年第1次会议" maxLength={200} />
              </Form.Item>
              <Form.Item name="publicityDays" label="公示天数" rules={[zodRule(publicityDays, '请填写公示天数')]}>
                <InputNumber min={1} max={30} precision={0} suffix="天" />
              </Form.Item>
            </>
          )}
          {action === 'returnForRevision' && (
            <Form.Item name="reason" label="退回理由" rules={[zodRule(campaignTransitionSchema.shape.reason.unwrap().min(1, '请填写退回理由'), '请填写退回理由')]}>
              <Input.TextArea rows={3} maxLength={1000} showCount />
            </Form.Item>
          )}
        </Form>
        {saving && <FreezeProgress report={progress} label="发布进度" />}
        {failure && <Alert type="error" showIcon title={failure} />}
      </Modal>
    </Card>
  );
}

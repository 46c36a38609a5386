import { Alert, App, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { objectionRefusal } from '../../../../domain/workflow/campaign-state';
import type { CampaignView } from '../../../../shared/schemas/campaign';
import { objectionCreateSchema } from '../../../../shared/schemas/objection';
import { errorMessage } from '../../../api/client';
import { zodRule } from '../../../components/zod-rule';
import { approvalApi } from './api';

/**
 * A unit's liaison files its unit's objection (申诉) while it may (objectionRefusal, the rule
 * the server applies; ObjectionDeadline says until when). A refusal is shown as the server
 * words it.
 */
export function FileObjectionForm({ campaign, unitId, unitName, onFiled }: {
  campaign: CampaignView; unitId: string; unitName: string; onFiled: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  if (objectionRefusal(campaign.state, campaign.publicityEndsAt, new Date().toISOString())) return null;

  const file = async (values: { content: string }) => {
    setSaving(true);
    setFailure(null);
    try {
      await approvalApi.fileObjection(campaign.id, unitId, values.content);
      message.success('申诉已提交，安委办答复后可在此查看');
      form.resetFields();
      onFiled();
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Form form={form} layout="vertical" onFinish={(values: { content: string }) => void file(values)} style={{ marginTop: 16 }} aria-label="提出申诉">
      <Form.Item name="content" label={`申诉事项和理由（${unitName}）`} rules={[zodRule(objectionCreateSchema.shape.content, '请填写申诉的事项和理由')]}>
        <Input.TextArea rows={3} maxLength={5000} showCount placeholder="如：第1.2项扣1分，本单位已按时签订全部责任书，请复核" />
      </Form.Item>
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} />}
      <Button type="primary" htmlType="submit" loading={saving}>提交申诉</Button>
    </Form>
  );
}

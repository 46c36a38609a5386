import { Alert, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { returnReasonSchema } from '../../../shared/schemas/score';
import { errorMessage } from '../../api/client';
import { zodRule } from '../../components/zod-rule';

/** 退回自评: the office states why (退回原因); the unit sees the reason on its 自评 page. */
export function ReturnSelfAssessment({ unitName, onClose, onSubmit }: {
  unitName: string; onClose: () => void; onSubmit: (reason: string) => Promise<void>;
}) {
  const [form] = Form.useForm<{ reason?: string }>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const ok = async () => {
    // A field the form refuses shows its message beside it; nothing is sent and nothing is left uncaught.
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setSaving(true);
    setError(null);
    try {
      await onSubmit((values.reason ?? '').trim());
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal open title="退回自评" okText="退回" cancelText="取消" okButtonProps={{ danger: true }} onOk={() => void ok()} onCancel={onClose} confirmLoading={saving} destroyOnHidden>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
      <Typography.Paragraph>退回后{unitName}可以修改自评并重新提交。请写明退回原因，{unitName}将在自评页面看到。</Typography.Paragraph>
      <Form form={form} layout="vertical">
        <Form.Item label="退回原因" name="reason" rules={[zodRule(returnReasonSchema, '请填写退回原因')]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

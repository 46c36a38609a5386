import { Alert, App, Form, Input, Modal, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { chinaMinute } from '../../../../domain/workflow/campaign-state';
import { objectionAnswerSchema } from '../../../../shared/schemas/objection';
import { errorMessage } from '../../../api/client';
import { zodRule } from '../../../components/zod-rule';
import { approvalApi } from './api';
import type { Objection } from './api';

/**
 * The office answers one objection (申诉) with its reply. A refusal is shown in the dialog as
 * the server words it (for instance one answered meanwhile by a colleague), and the list is
 * read again so it shows that answer.
 */
export function AnswerObjectionModal({ campaignId, objection, unitName, onClose, onChanged }: {
  campaignId: string; objection: Objection | null; unitName: string; onClose: () => void; onChanged: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  // A fresh reply for each objection opened, cleared before anything can be typed in it.
  const openedId = objection?.id;
  useEffect(() => {
    if (openedId === undefined) return;
    form.resetFields();
    setFailure(null);
  }, [openedId, form]);

  const submit = async () => {
    if (!objection) return;
    // A field the form refuses shows its message beside it; nothing is sent.
    const values = (await form.validateFields().catch(() => null)) as { answer: string } | null;
    if (!values) return;
    setSaving(true);
    setFailure(null);
    try {
      await approvalApi.answerObjection(campaignId, objection.id, values.answer);
      message.success(`已答复${unitName}的申诉`);
      onChanged();
      onClose();
    } catch (error) {
      setFailure(errorMessage(error));
      onChanged();
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={objection !== null}
      title={`答复申诉：${unitName}`}
      okText="提交答复"
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {objection && (
        <>
          <Typography.Text type="secondary">{chinaMinute(objection.filedAt)} 提出：</Typography.Text>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{objection.content}</Typography.Paragraph>
        </>
      )}
      <Form form={form} layout="vertical">
        <Form.Item
          name="answer"
          label="答复意见"
          extra="写明复核结论及依据；答复后申诉单位即可看到，不能修改。"
          rules={[zodRule(objectionAnswerSchema.shape.answer, '请填写答复意见')]}
        >
          <Input.TextArea rows={4} maxLength={5000} showCount placeholder="如：经复核，会议记录缺1次属实，维持原评分" />
        </Form.Item>
      </Form>
      {failure && <Alert type="error" showIcon title={failure} />}
    </Modal>
  );
}

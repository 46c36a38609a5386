import { Alert, App, Form, Input, Modal, Radio, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { campaignTransitions, chinaMinute } from '../../../../domain/workflow/campaign-state';
import { objectionDecisionLabels, objectionDecisions, revisionUnderWay, type ObjectionDecision } from '../../../../domain/workflow/objection';
import { objectionAnswerSchema } from '../../../../shared/schemas/objection';
import { errorMessage } from '../../../api/client';
import { zodRule } from '../../../components/zod-rule';
import { approvalApi } from './api';
import type { Objection } from './api';

const decisionOptions = objectionDecisions.map((value) => ({ value, label: objectionDecisionLabels[value] }));
const returnLabel = campaignTransitions.returnForRevision.label;

/**
 * The office answers one objection (申诉) with its decision (申诉成立 / 不成立) and reply; the
 * dialog says what an upheld objection leads to (退回重新评分 before any publication, the rule
 * publishBlockers applies). A refusal is shown in the dialog as the server words it (for instance
 * one answered meanwhile by a colleague), and the list is read again so it shows that answer.
 */
export function AnswerObjectionModal({ campaignId, campaignState, objection, unitName, onClose, onChanged }: {
  campaignId: string; campaignState: string; objection: Objection | null; unitName: string; onClose: () => void; onChanged: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ decision?: ObjectionDecision; answer?: string }>();
  const decision = Form.useWatch('decision', form);
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
    const values = (await form.validateFields().catch(() => null)) as { decision: ObjectionDecision; answer: string } | null;
    if (!values) return;
    setSaving(true);
    setFailure(null);
    try {
      await approvalApi.answerObjection(campaignId, objection.id, values.decision, values.answer);
      message.success(`已答复${unitName}的申诉：${objectionDecisionLabels[values.decision]}`);
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
        <Form.Item name="decision" label="处理结论" rules={[zodRule(objectionAnswerSchema.shape.decision, '请选择处理结论')]}>
          <Radio.Group aria-label="处理结论" options={decisionOptions} />
        </Form.Item>
        {decision === 'upheld' && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title="申诉成立，公示的结果须更正"
            description={revisionUnderWay(campaignState)
              ? '考核结果已退回重新评分：请在本轮评分中一并更正，重新审定并公示后方可发布通报。'
              : `答复后请点击上方“${returnLabel}”，更正${unitName}的评分后重新审定并公示；在此之前不能发布通报。`}
          />
        )}
        {decision === 'dismissed' && (
          <Typography.Paragraph type="secondary">申诉不成立的，维持公示的结果。</Typography.Paragraph>
        )}
        <Form.Item
          name="answer"
          label="答复意见"
          extra="写明复核结论及依据；答复后申诉单位即可看到处理结论和答复，不能修改。"
          rules={[zodRule(objectionAnswerSchema.shape.answer, '请填写答复意见')]}
        >
          <Input.TextArea rows={4} maxLength={5000} showCount placeholder={decision === 'upheld' ? '如：经复核，第四季度例会记录已按时报送，第1.1项不应扣分' : '如：经复核，会议记录缺1次属实，维持原评分'} />
        </Form.Item>
      </Form>
      {failure && <Alert type="error" showIcon title={failure} />}
    </Modal>
  );
}

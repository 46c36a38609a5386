import { Alert, App, Button, Card, Empty, Form, Input, List, Modal, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { AccountView } from '../../../../shared/schemas/account';
import type { CampaignView } from '../../../../shared/schemas/campaign';
import { objectionAnswerSchema, objectionCreateSchema } from '../../../../shared/schemas/objection';
import { errorMessage } from '../../../api/client';
import { useRequest } from '../../../api/use-request';
import { zodRule } from '../../../components/zod-rule';
import { approvalApi } from './api';
import type { Objection } from './api';

const when = (iso: string | null) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '');

/**
 * 申诉 during publicity: a unit's liaison files one for its unit, the office answers each;
 * publication waits until every objection is answered.
 */
export function Objections({ campaign, account, mayAnswer, unitNames, names }: {
  campaign: CampaignView; account: AccountView; mayAnswer: boolean; unitNames: ReadonlyMap<string, string>; names: ReadonlyMap<string, string>;
}) {
  const { message } = App.useApp();
  const list = useRequest(() => approvalApi.objections(campaign.id), [campaign.id, campaign.version]);
  const [fileForm] = Form.useForm();
  const [answerForm] = Form.useForm();
  const [answering, setAnswering] = useState<Objection | null>(null);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const mayFile = account.role === 'unitLiaison' && account.unitId !== null && campaign.state === 'publicity';
  const who = (id: string | null) => (id ? names.get(id) ?? (id === account.id ? account.displayName : '（无权查看的账户）') : '');

  const file = async (values: { content: string }) => {
    setSaving(true);
    setFailure(null);
    try {
      await approvalApi.fileObjection(campaign.id, account.unitId!, values.content);
      message.success('申诉已提交，安委办答复后可在此查看');
      fileForm.resetFields();
      list.reload();
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setSaving(false);
    }
  };
  const answer = async () => {
    if (!answering) return;
    const values = (await answerForm.validateFields()) as { answer: string };
    setSaving(true);
    setFailure(null);
    try {
      await approvalApi.answerObjection(campaign.id, answering.id, values.answer);
      message.success('已答复');
      setAnswering(null);
      list.reload();
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setSaving(false);
    }
  };

  const open = (list.data?.items ?? []).filter((o) => !o.answer).length;
  return (
    <Card title={`申诉（${list.data?.items.length ?? 0} 件${open > 0 ? `，${open} 件待答复` : ''}）`}>
      {campaign.state === 'publicity' && campaign.publicityEndsAt && (
        <Typography.Paragraph type="secondary">公示期至 {when(campaign.publicityEndsAt)}，期间各单位可提出申诉。</Typography.Paragraph>
      )}
      {list.error && <Alert type="error" showIcon title={list.error} />}
      <List<Objection>
        aria-label="申诉列表"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: <Empty description="暂无申诉" image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
        renderItem={(o) => (
          <List.Item
            actions={mayAnswer && !o.answer ? [<Button key="answer" size="small" onClick={() => { answerForm.resetFields(); setFailure(null); setAnswering(o); }}>答复</Button>] : []}
          >
            <List.Item.Meta
              title={(
                <Space wrap>
                  <span>{unitNames.get(o.unitId) ?? '本单位'}</span>
                  <Tag color={o.answer ? 'green' : 'orange'}>{o.answer ? '已答复' : '待答复'}</Tag>
                  <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>{when(o.filedAt)} {who(o.filedBy)}</Typography.Text>
                </Space>
              )}
              description={(
                <>
                  <div style={{ whiteSpace: 'pre-wrap' }}>{o.content}</div>
                  {o.answer && (
                    <div style={{ marginTop: 8, padding: 8, background: '#f6ffed', borderRadius: 4 }}>
                      答复（{when(o.answeredAt)} {who(o.answeredBy)}）：{o.answer}
                    </div>
                  )}
                </>
              )}
            />
          </List.Item>
        )}
      />
      {mayFile && (
        <Form form={fileForm} layout="vertical" onFinish={file} style={{ marginTop: 16 }}>
          <Form.Item name="content" label={`提出申诉（${unitNames.get(account.unitId!) ?? '本单位'}）`} rules={[zodRule(objectionCreateSchema.shape.content, '请填写申诉的事项和理由')]}>
            <Input.TextArea rows={3} maxLength={5000} showCount placeholder="写明对哪一项结果有异议及理由" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={saving}>提交申诉</Button>
        </Form>
      )}
      {failure && !answering && <Alert type="error" showIcon title={failure} style={{ marginTop: 16 }} />}
      <Modal
        open={answering !== null}
        title={`答复申诉：${answering ? unitNames.get(answering.unitId) ?? '' : ''}`}
        okText="提交答复"
        cancelText="取消"
        confirmLoading={saving}
        onOk={() => void answer()}
        onCancel={() => setAnswering(null)}
        destroyOnHidden
      >
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{answering?.content}</Typography.Paragraph>
        <Form form={answerForm} layout="vertical">
          <Form.Item name="answer" label="答复意见" rules={[zodRule(objectionAnswerSchema.shape.answer, '请填写答复意见')]}>
            <Input.TextArea rows={4} maxLength={5000} showCount />
          </Form.Item>
        </Form>
        {failure && <Alert type="error" showIcon title={failure} />}
      </Modal>
    </Card>
  );
}

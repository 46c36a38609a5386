import { App, Button, Drawer, Form, Input, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../api/client';
import { chinaToday } from '../../china-time';
import { specialCampaignApi } from './api';
import type { SpecialCampaignDetail } from './api';
import { campaignErrorText, progressBody } from './campaign-form';
import type { ProgressFormValues, TaskRow } from './campaign-form';
import { DayInput } from '../../components/DayInput';

/** 报告进展 on one task: done or not, what was done, the day (today by default, never later). */
export function ProgressForm({ campaignId, task, onClose, onDone }: {
  campaignId: string; task: TaskRow; onClose: () => void; onDone: (c: SpecialCampaignDetail) => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<ProgressFormValues>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (v: ProgressFormValues) => {
    setSaving(true);
    setError(null);
    try {
      const next = await specialCampaignApi.report(campaignId, progressBody(task.id, v));
      void message.success('已报送进展。');
      onDone(next);
    } catch (failure) {
      setError(campaignErrorText(errorMessage(failure)));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Drawer open title="报告进展" size={520} onClose={onClose} destroyOnHidden
      extra={<Space><Button onClick={onClose}>取消</Button><Button type="primary" loading={saving} onClick={() => form.submit()}>报送</Button></Space>}>
      <Form<ProgressFormValues> form={form} layout="vertical" initialValues={{ completed: false, reportedOn: chinaToday() }} onFinish={(v) => void submit(v)}>
        {error && <Typography.Paragraph type="danger" role="alert">{error}</Typography.Paragraph>}
        <Typography.Paragraph>
          <Typography.Text strong>{task.unitName}</Typography.Text>：{task.title}（{task.phaseName}，完成期限 {task.dueOn}）
        </Typography.Paragraph>
        <Form.Item name="completed" label="任务是否已完成">
          <Radio.Group aria-label="任务是否已完成" options={[{ value: false, label: '仍在进行' }, { value: true, label: '已完成' }]} />
        </Form.Item>
        <Form.Item name="summary" label="进展情况" rules={[{ required: true, whitespace: true, message: '请填写进展情况' }]}>
          <Input.TextArea aria-label="进展情况" rows={4} maxLength={2000} />
        </Form.Item>
        <Form.Item name="note" label="备注">
          <Input aria-label="备注" maxLength={1000} />
        </Form.Item>
        <Form.Item name="reportedOn" label="报送日期" extra="不能晚于今天；完成报告晚于完成期限的记为逾期完成">
          <DayInput aria-label="报送日期" style={{ width: 170 }} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}

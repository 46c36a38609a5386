import { App, Button, Checkbox, Drawer, Form, Input, InputNumber, Space, Typography } from 'antd';
import { useState } from 'react';
import { trainingRoleLabels, trainingRoleSchema } from '../../../shared/schemas/training';
import type { AccountView } from '../../../shared/schemas/account';
import { errorMessage } from '../../api/client';
import { chinaToday } from '../../china-time';
import { withFieldNames } from '../../field-errors';
import { trainingApi } from './api';
import type { SessionView } from './api';
import { sessionBody, trainingFieldLabels } from './training-form';
import type { SessionFormValues } from './training-form';
import { DayInput } from '../../components/DayInput';

const roleOptions = trainingRoleSchema.options.map((value) => ({ value, label: trainingRoleLabels[value] }));

/** 登记培训: title, day, organiser, hours and who was trained; held by the account's unit, or by the office for its organisation. */
export function SessionForm({ me, onClose, onSaved }: { me: AccountView; onClose: () => void; onSaved: (s: SessionView) => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<SessionFormValues>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (v: SessionFormValues) => {
    setSaving(true);
    setError(null);
    try {
      const saved = await trainingApi.recordSession(sessionBody(v, me));
      void message.success(`已登记培训“${saved.title}”。`);
      onSaved(saved);
    } catch (failure) {
      setError(withFieldNames(errorMessage(failure), trainingFieldLabels));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Drawer open title="登记培训" size={520} onClose={onClose} destroyOnHidden
      extra={<Space><Button onClick={onClose}>取消</Button><Button type="primary" loading={saving} onClick={() => form.submit()}>登记</Button></Space>}>
      <Form<SessionFormValues> form={form} layout="vertical" initialValues={{ heldOn: chinaToday(), hours: 8, roles: [] }} onFinish={(v) => void submit(v)}>
        {error && <Typography.Paragraph type="danger" role="alert">{error}</Typography.Paragraph>}
        <Form.Item name="title" label="培训名称" rules={[{ required: true, whitespace: true, message: '请填写培训名称' }]}>
          <Input aria-label="培训名称" maxLength={200} />
        </Form.Item>
        <Form.Item name="heldOn" label="培训日期" rules={[{ required: true, message: '请填写培训日期' }]}>
          <DayInput aria-label="培训日期" style={{ width: 170 }} />
        </Form.Item>
        <Form.Item name="organiser" label="组织实施单位" rules={[{ required: true, whitespace: true, message: '请填写组织实施单位' }]}>
          <Input aria-label="组织实施单位" maxLength={100} />
        </Form.Item>
        <Form.Item name="hours" label="学时" rules={[{ required: true, message: '请填写学时' }]}>
          <InputNumber aria-label="学时" min={1} max={200} precision={0} suffix="学时" style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="roles" label="培训对象" rules={[{ required: true, type: 'array', min: 1, message: '请选择培训对象' }]}>
          <Checkbox.Group aria-label="培训对象" options={roleOptions} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}

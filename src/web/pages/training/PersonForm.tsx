import { App, Button, Drawer, Form, Input, Radio, Space, Switch, Typography } from 'antd';
import { useState } from 'react';
import { trainingRoleLabels, trainingRoleSchema } from '../../../shared/schemas/training';
import { errorMessage } from '../../api/client';
import { EnterpriseSelect } from '../../components/EnterpriseSelect';
import { withFieldNames } from '../../field-errors';
import { trainingApi } from './api';
import type { PersonView } from './api';
import { personCreateBody, personUpdateBody, trainingFieldLabels } from './training-form';
import type { PersonFormValues } from './training-form';

const roleOptions = trainingRoleSchema.options.map((value) => ({ value, label: trainingRoleLabels[value] }));

/**
 * 登记 / 修改须持证人员: the enterprise (fixed once registered), name, role and for a 特种作业人员 the
 * operation type. A person who left the post is kept but no longer counted (docs/ledgers.md §7).
 */
export function PersonForm({ person, onClose, onSaved }: { person?: PersonView; onClose: () => void; onSaved: (p: PersonView) => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<PersonFormValues>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const role = Form.useWatch('role', form);
  const initial: PersonFormValues = person
    ? { enterpriseId: person.enterpriseId, name: person.name, role: person.role, operationType: person.operationType ?? '', identifier: person.identifier ?? '', active: person.active }
    : { role: 'principal', active: true };

  const submit = async (v: PersonFormValues) => {
    setSaving(true);
    setError(null);
    try {
      const saved = person ? await trainingApi.updatePerson(person.id, personUpdateBody(person, v)) : await trainingApi.addPerson(personCreateBody(v));
      void message.success(person ? `已修改“${saved.name}”。` : `已登记“${saved.name}”。`);
      onSaved(saved);
    } catch (failure) {
      setError(withFieldNames(errorMessage(failure), trainingFieldLabels));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Drawer open title={person ? '修改须持证人员' : '登记须持证人员'} size={520} onClose={onClose} destroyOnHidden
      extra={<Space><Button onClick={onClose}>取消</Button><Button type="primary" loading={saving} onClick={() => form.submit()}>保存</Button></Space>}>
      <Form<PersonFormValues> form={form} layout="vertical" initialValues={initial} onFinish={(v) => void submit(v)}>
        {error && <Typography.Paragraph type="danger" role="alert">{error}</Typography.Paragraph>}
        <Form.Item name="enterpriseId" label="所在生产经营单位" rules={[{ required: true, message: '请选择生产经营单位' }]}>
          <EnterpriseSelect aria-label="所在生产经营单位" disabled={person !== undefined} />
        </Form.Item>
        <Form.Item name="name" label="姓名" rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}>
          <Input aria-label="姓名" maxLength={50} />
        </Form.Item>
        <Form.Item name="role" label="人员类别" rules={[{ required: true, message: '请选择人员类别' }]}>
          <Radio.Group aria-label="人员类别" options={roleOptions} />
        </Form.Item>
        {role === 'specialOperation' && (
          <Form.Item name="operationType" label="特种作业类别" rules={[{ required: true, whitespace: true, message: '请填写特种作业类别' }]}
            extra="如电工作业、焊接与热切割作业、危险化学品安全作业">
            <Input aria-label="特种作业类别" maxLength={50} />
          </Form.Item>
        )}
        <Form.Item name="identifier" label="识别号" extra="身份证号后四位或其他便于区分同名人员的号码，可不填">
          <Input aria-label="识别号" maxLength={50} style={{ width: 220 }} />
        </Form.Item>
        <Form.Item name="active" label="在岗" valuePropName="checked" extra="离岗人员保留记录，但不再计入覆盖率">
          <Switch aria-label="在岗" checkedChildren="在岗" unCheckedChildren="离岗" />
        </Form.Item>
      </Form>
    </Drawer>
  );
}

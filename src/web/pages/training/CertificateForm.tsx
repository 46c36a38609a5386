import { App, Button, Drawer, Form, Input, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useRequest } from '../../api/use-request';
import { errorMessage } from '../../api/client';
import { chinaToday } from '../../china-time';
import { EnterpriseSelect } from '../../components/EnterpriseSelect';
import { withFieldNames } from '../../field-errors';
import { trainingApi } from './api';
import type { CertificateView, PersonView } from './api';
import { certificateBody, trainingFieldLabels } from './training-form';
import type { CertificateFormValues } from './training-form';
import { DayInput } from '../../components/DayInput';

/**
 * 登记证书: the holder (a listed person of an enterprise), number, issue day, valid until
 * (inclusive) and optionally the session it came from. Its class is the holder's role.
 */
export function CertificateForm({ person, onClose, onSaved }: { person?: PersonView; onClose: () => void; onSaved: (c: CertificateView) => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<CertificateFormValues>();
  const [enterpriseId, setEnterpriseId] = useState<string | undefined>(person?.enterpriseId);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const persons = useRequest(
    () => (enterpriseId ? trainingApi.persons({ enterpriseId, active: true, pageSize: 200 }) : Promise.resolve(undefined)), [enterpriseId],
  );
  const sessions = useRequest(() => trainingApi.sessions({ pageSize: 50 }), []);
  const personOptions = (persons.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.name}（${p.roleLabel}${p.operationType ? `：${p.operationType}` : ''}）` }));
  const sessionOptions = (sessions.data?.items ?? []).map((s) => ({ value: s.id, label: `${s.heldOn} ${s.title}` }));

  const submit = async (v: CertificateFormValues) => {
    setSaving(true);
    setError(null);
    try {
      const saved = await trainingApi.issueCertificate(certificateBody(v));
      void message.success(`已登记${saved.personName}的证书${saved.number}。`);
      onSaved(saved);
    } catch (failure) {
      setError(withFieldNames(errorMessage(failure), trainingFieldLabels));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Drawer open title="登记证书" size={520} onClose={onClose} destroyOnHidden
      extra={<Space><Button onClick={onClose}>取消</Button><Button type="primary" loading={saving} onClick={() => form.submit()}>登记</Button></Space>}>
      <Form<CertificateFormValues> form={form} layout="vertical" initialValues={{ personId: person?.id, issuedOn: chinaToday() }} onFinish={(v) => void submit(v)}>
        {error && <Typography.Paragraph type="danger" role="alert">{error}</Typography.Paragraph>}
        <Form.Item label="生产经营单位" required>
          <EnterpriseSelect aria-label="持证人所在单位" value={enterpriseId} disabled={person !== undefined}
            onChange={(v) => { setEnterpriseId(v); form.setFieldValue('personId', undefined); }} />
        </Form.Item>
        <Form.Item name="personId" label="持证人" rules={[{ required: true, message: '请选择持证人' }]}
          extra={enterpriseId && persons.data?.items.length === 0 ? '该单位尚未登记在岗的须持证人员' : undefined}>
          <Select aria-label="持证人" placeholder={enterpriseId ? '选择人员' : '先选择生产经营单位'} options={personOptions} loading={persons.loading}
            showSearch={{ optionFilterProp: 'label' }} />
        </Form.Item>
        <Form.Item name="number" label="证书编号" rules={[{ required: true, whitespace: true, message: '请填写证书编号' }]}>
          <Input aria-label="证书编号" maxLength={100} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="issuedOn" label="发证日期" rules={[{ required: true, message: '请填写发证日期' }]}>
            <DayInput aria-label="发证日期" style={{ width: 170 }} />
          </Form.Item>
          <Form.Item name="validUntil" label="有效期至" rules={[{ required: true, message: '请填写有效期' }]}>
            <DayInput aria-label="有效期至" style={{ width: 170 }} />
          </Form.Item>
        </Space>
        <Form.Item name="sessionId" label="取得证书的培训" extra="可不选">
          <Select aria-label="取得证书的培训" allowClear placeholder="不关联培训" options={sessionOptions} showSearch={{ optionFilterProp: 'label' }} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}

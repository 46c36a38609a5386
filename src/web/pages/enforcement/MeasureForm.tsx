import { App, Button, Drawer, Form, Input, Select, Space, Switch, Typography } from 'antd';
import { useState } from 'react';
import { PROCEDURES } from '../../../domain/ledgers/enforcement/procedures';
import type { MeasureType } from '../../../domain/ledgers/enforcement/procedures';
import { measureTypeLabels, measureTypes } from '../../../shared/schemas/enforcement';
import { errorMessage } from '../../api/client';
import { useRequest } from '../../api/use-request';
import { enforcementApi } from './api';
import type { MeasureView } from './api';

interface OpenForm {
  enterpriseId?: string;
  type?: MeasureType;
  emergency: boolean;
  emergencyReason?: string;
  legalBasis?: { law?: string; article?: string }[];
}

const typeOptions = measureTypes.map((value) => ({ value, label: measureTypeLabels[value] }));

/** 采取执法措施: the enterprise, the measure's type and its legal basis (the statutory one shown). */
export function MeasureForm({ onClose, onSaved }: { onClose: () => void; onSaved: (m: MeasureView) => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<OpenForm>();
  const [saving, setSaving] = useState(false);
  const [search, setSearch] = useState<string>();
  const [error, setError] = useState<string | null>(null);
  const type = Form.useWatch('type', form);
  const emergency = Form.useWatch('emergency', form);
  const enterprises = useRequest(() => enforcementApi.enterprises(search), [search]);
  const procedure = type ? PROCEDURES[type] : undefined;

  const submit = async (values: OpenForm) => {
    setSaving(true);
    setError(null);
    try {
      const legalBasis = (values.legalBasis ?? [])
        .map((r) => ({ law: (r?.law ?? '').trim(), article: (r?.article ?? '').trim() }))
        .filter((r) => r.law !== '' || r.article !== '');
      const saved = await enforcementApi.open({
        enterpriseId: values.enterpriseId!, type: values.type!, emergency: values.emergency === true,
        ...(values.emergency && values.emergencyReason?.trim() ? { emergencyReason: values.emergencyReason.trim() } : {}),
        legalBasis,
      });
      void message.success(`已登记“${saved.typeLabel}”，请按程序记录各步骤。`);
      onSaved(saved);
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Drawer open title="采取执法措施" size={560} onClose={onClose} destroyOnHidden
      extra={<Space><Button onClick={onClose}>取消</Button><Button type="primary" loading={saving} onClick={() => form.submit()}>登记</Button></Space>}>
      <Form<OpenForm> form={form} layout="vertical" initialValues={{ emergency: false, legalBasis: [] }} onFinish={(v) => void submit(v)}>
        {error && <Typography.Paragraph type="danger" role="alert">{error}</Typography.Paragraph>}
        <Form.Item name="enterpriseId" label="生产经营单位" rules={[{ required: true, message: '请选择生产经营单位' }]}>
          <Select aria-label="生产经营单位" showSearch={{ filterOption: false, onSearch: (v) => setSearch(v.trim() === '' ? undefined : v.trim()) }}
            placeholder="输入名称或统一社会信用代码查找" loading={enterprises.loading}
            options={(enterprises.data?.items ?? []).map((e) => ({ value: e.id, label: e.name }))} />
        </Form.Item>
        <Form.Item name="type" label="措施类型" rules={[{ required: true, message: '请选择措施类型' }]}>
          <Select aria-label="措施类型" options={typeOptions} placeholder="请选择" />
        </Form.Item>
        {procedure && procedure.legalBasis.length > 0 && (
          <Form.Item label="法定依据">
            <Typography.Text type="secondary">{procedure.legalBasis.map((r) => `${r.law}${r.article}`).join('；')}</Typography.Text>
          </Form.Item>
        )}
        {procedure?.emergencyAllowed && (
          <Form.Item name="emergency" label="紧急情况下当场实施" valuePropName="checked"
            extra="行政强制法第十九条：当场实施后24小时内向负责人报告并补办批准手续">
            <Switch aria-label="紧急情况下当场实施" />
          </Form.Item>
        )}
        {procedure?.emergencyAllowed && emergency && (
          <Form.Item name="emergencyReason" label="紧急情形" rules={[{ required: true, whitespace: true, message: '请写明紧急情形' }]}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        )}
        <Typography.Text strong>{procedure && procedure.legalBasis.length === 0 ? '法律依据（必填）' : '补充法律依据（可选）'}</Typography.Text>
        <Form.List name="legalBasis">
          {(fields, { add, remove }) => (
            <div style={{ marginTop: 8 }}>
              {fields.map((field) => (
                <Space key={field.key} align="baseline" wrap>
                  <Form.Item name={[field.name, 'law']} rules={[{ required: true, whitespace: true, message: '请填写法律、法规名称' }]}>
                    <Input aria-label="法律、法规名称" placeholder="法律、法规名称" style={{ width: 260 }} maxLength={200} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'article']} rules={[{ required: true, whitespace: true, message: '请填写条款' }]}>
                    <Input aria-label="条款" placeholder="条款，如第十二条" style={{ width: 150 }} maxLength={200} />
                  </Form.Item>
                  <Button type="link" onClick={() => remove(field.name)}>删除</Button>
                </Space>
              ))}
              <Button onClick={() => add({ law: '', article: '' })}>添加法律依据</Button>
            </div>
          )}
        </Form.List>
      </Form>
    </Drawer>
  );
}

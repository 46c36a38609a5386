import { Button, Card, Drawer, Form, Input, Radio, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../api/client';
import { withFieldNames } from '../../field-errors';
import { inspectionApi } from './api';
import type { InspectionView } from './api';
import { chinaToday, inspectionFieldLabels, recordBody } from './inspection-form';
import type { RecordFormValues } from './inspection-form';
import { DayInput } from '../../components/DayInput';

const row = { marginBottom: 8 };
const compliantOptions = [{ value: true, label: '符合' }, { value: false, label: '不符合' }];

/**
 * 登记检查记录: the day (never after today), the inspectors, the 执法文书 and each checklist item's
 * result. Every item marked 不符合 becomes a hazard card in the same step (docs/ledgers.md §5).
 */
export function RecordForm({ inspection, onClose, onDone }: { inspection: InspectionView; onClose: () => void; onDone: (i: InspectionView) => void }) {
  const [form] = Form.useForm<RecordFormValues>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const findings = Form.useWatch('findings', form);
  const initial: RecordFormValues = {
    inspectedOn: chinaToday(new Date()),
    inspectors: inspection.drawing?.experts.map((e) => e.name) ?? [],
    documentNumbers: [],
    findings: [{ compliant: true }],
  };

  const submit = async (v: RecordFormValues) => {
    setSaving(true);
    setError(null);
    try {
      onDone(await inspectionApi.record(inspection.id, recordBody(v, inspection.version)));
    } catch (failure) {
      setError(withFieldNames(errorMessage(failure), inspectionFieldLabels));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Drawer open title="登记检查记录" size={720} onClose={onClose} destroyOnHidden
      extra={<Space><Button onClick={onClose}>取消</Button><Button type="primary" loading={saving} onClick={() => form.submit()}>登记</Button></Space>}>
      <Form<RecordFormValues> form={form} layout="vertical" initialValues={initial} onFinish={(v) => void submit(v)}>
        {error && <Typography.Paragraph type="danger" role="alert">{error}</Typography.Paragraph>}
        <Space wrap size={16} align="start">
          <Form.Item name="inspectedOn" label="检查日期" rules={[{ required: true, message: '请填写检查日期' }]}>
            <DayInput aria-label="检查日期" style={{ width: 170 }} />
          </Form.Item>
          <Form.Item name="inspectors" label="检查人员" extra="输入姓名后按回车添加" rules={[{ required: true, type: 'array', min: 1, message: '请至少填写一名检查人员' }]}>
            <Select aria-label="检查人员" mode="tags" tokenSeparators={['，', ',', '、']} style={{ width: 420 }} placeholder="执法人员或专家姓名" />
          </Form.Item>
        </Space>
        <Form.Item name="documentNumbers" label="执法文书编号" extra="可不填；输入后按回车添加">
          <Select aria-label="执法文书编号" mode="tags" tokenSeparators={['，', ',']} placeholder="如：周应急检〔2026〕12号" />
        </Form.Item>
        <Typography.Text strong>检查表逐项结果（{inspection.checklistSectorLabel}）</Typography.Text>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>不符合的项目同时建立隐患卡片，部位不填时以检查项为部位。</Typography.Paragraph>
        <Form.List name="findings">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, i) => (
                <Card key={field.key} size="small" style={{ marginBottom: 12 }} title={`第 ${i + 1} 项`}
                  extra={fields.length > 1 ? <Button type="link" size="small" onClick={() => remove(field.name)}>删除</Button> : null}>
                  <Space wrap align="start">
                    <Form.Item name={[field.name, 'item']} label="检查项" style={row} rules={[{ required: true, whitespace: true, message: '请填写检查项' }]}>
                      <Input aria-label={`检查项${i + 1}`} maxLength={200} style={{ width: 380 }} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'compliant']} label="结果" style={row} rules={[{ required: true, message: '请选择是否符合' }]}>
                      <Radio.Group aria-label={`结果${i + 1}`} options={compliantOptions} />
                    </Form.Item>
                  </Space>
                  {findings?.[field.name]?.compliant === false && (
                    <Form.Item name={[field.name, 'place']} label="隐患部位" style={row}>
                      <Input aria-label={`隐患部位${i + 1}`} maxLength={200} placeholder="不填则以检查项为部位" />
                    </Form.Item>
                  )}
                  <Form.Item name={[field.name, 'description']} label="检查情况" style={{ marginBottom: 0 }} rules={[{ required: true, whitespace: true, message: '请填写检查情况' }]}>
                    <Input.TextArea aria-label={`检查情况${i + 1}`} rows={2} maxLength={2000} />
                  </Form.Item>
                </Card>
              ))}
              <Button onClick={() => add({ compliant: true })}>添加检查项</Button>
            </>
          )}
        </Form.List>
      </Form>
    </Drawer>
  );
}

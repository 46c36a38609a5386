import { Alert, Button, Checkbox, DatePicker, Form, Input, InputNumber, Radio, Space } from 'antd';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import type { MeasureType, StepKey } from '../../../domain/ledgers/enforcement/procedures';
import { STEP_ZH } from '../../../domain/ledgers/enforcement/procedures';
import { errorMessage } from '../../api/client';
import { enforcementApi } from './api';
import type { MeasureDetail } from './api';
import type { StepField } from './step-fields';
import { stepBody, stepFields } from './step-fields';
import { DayInput } from '../../components/DayInput';

/** The control of one field; Form.Item's value and onChange (or checked) are passed through to it. */
function FieldInput({ field, ...control }: { field: StepField } & Record<string, unknown>) {
  switch (field.kind) {
    case 'bool':
      return <Checkbox {...control}>{field.label}</Checkbox>;
    case 'longText':
      return <Input.TextArea {...control} aria-label={field.label} rows={2} maxLength={500} />;
    case 'items':
      return <Input.TextArea {...control} aria-label={field.label} rows={3} placeholder="每行一项，如：液氨钢瓶20只" />;
    case 'days':
      return <InputNumber {...control} aria-label={field.label} min={1} max={365} precision={0} suffix="日" style={{ width: 140 }} />;
    case 'date':
      return <DayInput {...control} aria-label={field.label} style={{ width: 180 }} />;
    case 'choice':
      return (
        <Radio.Group {...control} aria-label={field.label}>
          {field.choices!.map((c) => <Radio key={String(c.value)} value={c.value}>{c.label}</Radio>)}
        </Radio.Group>
      );
    case 'officers':
      return null;
    case 'text':
      return <Input {...control} aria-label={field.label} maxLength={200} />;
  }
}

/** Two rows for the two officers the law requires; more can be added. */
function OfficersInput({ field }: { field: StepField }) {
  return (
    <Form.Item label={field.label} extra={field.help} required>
      <Form.List name={field.name}>
        {(rows, { add, remove }) => (
          <>
            {rows.map((row, i) => (
              <Space key={row.key} align="baseline" wrap>
                <Form.Item name={[row.name, 'name']} style={{ marginBottom: 8 }}>
                  <Input aria-label={`执法人员${i + 1}姓名`} placeholder="姓名" style={{ width: 140 }} maxLength={50} />
                </Form.Item>
                <Form.Item name={[row.name, 'certificateNumber']} style={{ marginBottom: 8 }}>
                  <Input aria-label={`执法人员${i + 1}证件号`} placeholder="执法证件号" style={{ width: 180 }} maxLength={50} />
                </Form.Item>
                {rows.length > 2 && <Button type="link" onClick={() => remove(row.name)}>删除</Button>}
              </Space>
            ))}
            <div><Button size="small" onClick={() => add({})}>添加执法人员</Button></div>
          </>
        )}
      </Form.List>
    </Form.Item>
  );
}

/**
 * One step's form: its fields (step-fields.ts), when it was taken (default now), and the server's
 * refusal shown as it is — the rule's Chinese message, nothing recorded.
 */
export function StepForm({ measure, step, onDone, onCancel }: {
  measure: MeasureDetail; step: StepKey; onDone: (m: MeasureDetail) => void; onCancel: () => void;
}) {
  const [form] = Form.useForm();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const fields = stepFields(step, measure.type as MeasureType);
  const values = Form.useWatch([], form) as Record<string, unknown> | undefined;
  const shown = fields.filter((f) => !f.when || values?.[f.when.field] === f.when.equals);

  const submit = async (values: Record<string, unknown>) => {
    setSaving(true);
    setError(null);
    try {
      const at = values.at as Dayjs | undefined;
      const body = stepBody(step, measure.type as MeasureType, values, measure.version, at ? at.format('YYYY-MM-DDTHH:mm:ssZ') : undefined);
      onDone(await enforcementApi.step(measure.id, body));
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Form layout="vertical" form={form} onFinish={(v) => void submit(v as Record<string, unknown>)}
      initialValues={fields.some((f) => f.kind === 'officers') ? { officers: [{}, {}] } : {}}>
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} />}
      {shown.map((field) => field.kind === 'officers'
        ? <OfficersInput key={field.name} field={field} />
        : (
          <Form.Item key={field.name} name={field.name} label={field.kind === 'bool' ? undefined : field.label} extra={field.help}
            valuePropName={field.kind === 'bool' ? 'checked' : 'value'}
            rules={field.required && field.kind !== 'bool' ? [{ required: true, message: `请填写${field.label}` }] : []}>
            <FieldInput field={field} />
          </Form.Item>
        ))}
      <Form.Item name="at" label="实施时间" extra="不填为现在；补录时填写实际实施的时间">
        <DatePicker aria-label="实施时间" showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit" loading={saving}>记录“{STEP_ZH[step]}”</Button>
        <Button onClick={onCancel}>取消</Button>
      </Space>
    </Form>
  );
}

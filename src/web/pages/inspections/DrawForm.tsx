import { Button, Drawer, Form, Input, InputNumber, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { expertLevelLabels, expertLevels } from '../../../shared/schemas/expert';
import { errorMessage } from '../../api/client';
import { withFieldNames } from '../../field-errors';
import { EnterpriseSelect } from '../../components/EnterpriseSelect';
import { inspectionApi } from './api';
import type { InspectionView } from './api';
import { drawBody, inspectionFieldLabels } from './inspection-form';
import type { DrawFormValues } from './inspection-form';

const levelOptions = expertLevels.map((value) => ({ value, label: expertLevelLabels[value] }));
const row = { marginBottom: 8 };

/**
 * 随机抽取专家: how many of each specialty and level, and the enterprises tied to the inspected one
 * (a parent company) whose experts are recused too (docs/ledgers.md §5). Too few eligible is
 * refused with the counts, and nothing changes.
 */
export function DrawForm({ inspection, onClose, onDone }: { inspection: InspectionView; onClose: () => void; onDone: (i: InspectionView) => void }) {
  const [form] = Form.useForm<DrawFormValues>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const last = inspection.drawing;
  const initial: DrawFormValues = {
    slots: last ? last.slots.map((s) => ({ ...s, levels: [...s.levels] })) : [{ count: 1, levels: [] }],
    relatedEnterpriseIds: [],
  };

  const submit = async (v: DrawFormValues) => {
    setSaving(true);
    setError(null);
    try {
      onDone(await inspectionApi.draw(inspection.id, drawBody(v, inspection.version)));
    } catch (failure) {
      setError(withFieldNames(errorMessage(failure), inspectionFieldLabels));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Drawer open title={last ? '重新抽取专家' : '随机抽取专家'} size={620} onClose={onClose} destroyOnHidden
      extra={<Space><Button onClick={onClose}>取消</Button><Button type="primary" loading={saving} onClick={() => form.submit()}>抽取</Button></Space>}>
      <Form<DrawFormValues> form={form} layout="vertical" initialValues={initial} onFinish={(v) => void submit(v)}>
        {error && <Typography.Paragraph type="danger" role="alert">{error}</Typography.Paragraph>}
        {last && <Typography.Paragraph type="warning">重新抽取将替换上次的抽取结果（两次均记入审计日志）。</Typography.Paragraph>}
        <Typography.Text strong>按专业抽取</Typography.Text>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>级别不选为不限；同一专家不会被抽取两次。</Typography.Paragraph>
        <Form.List name="slots">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, i) => (
                <Space key={field.key} align="baseline" wrap>
                  <Form.Item name={[field.name, 'specialty']} style={row} rules={[{ required: true, whitespace: true, message: '请填写专业' }]}>
                    <Input aria-label={`专业${i + 1}`} placeholder="专业，如危险化学品" maxLength={50} style={{ width: 180 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'count']} style={row} rules={[{ required: true, message: '请填写人数' }]}>
                    <InputNumber aria-label={`人数${i + 1}`} min={1} max={20} precision={0} suffix="名" style={{ width: 100 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'levels']} style={row}>
                    <Select aria-label={`级别${i + 1}`} mode="multiple" allowClear placeholder="级别不限" options={levelOptions} style={{ width: 200 }} />
                  </Form.Item>
                  {fields.length > 1 && <Button type="link" onClick={() => remove(field.name)}>删除</Button>}
                </Space>
              ))}
              <div style={{ marginBottom: 16 }}><Button size="small" onClick={() => add({ count: 1, levels: [] })}>添加专业</Button></div>
            </>
          )}
        </Form.List>
        <Typography.Text strong>关联单位</Typography.Text>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>如上级公司：与之有任职或利害关系的专家同样回避。</Typography.Paragraph>
        <Form.List name="relatedEnterpriseIds">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, i) => (
                <Space key={field.key} align="baseline">
                  <Form.Item name={field.name} style={row} rules={[{ required: true, message: '请选择关联单位' }]}>
                    <EnterpriseSelect aria-label={`关联单位${i + 1}`} style={{ width: 360 }} />
                  </Form.Item>
                  <Button type="link" onClick={() => remove(field.name)}>删除</Button>
                </Space>
              ))}
              <div><Button size="small" onClick={() => add()}>添加关联单位</Button></div>
            </>
          )}
        </Form.List>
      </Form>
    </Drawer>
  );
}

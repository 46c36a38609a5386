import { App, Button, Drawer, Form, Input, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { specialCampaignKindLabels, specialCampaignKinds } from '../../../shared/schemas/special-campaign';
import { errorMessage } from '../../api/client';
import { specialCampaignApi } from './api';
import type { SpecialCampaignView } from './api';
import { campaignBody, campaignErrorText, planProblems } from './campaign-form';
import type { CampaignFormValues } from './campaign-form';
import { DayInput } from '../../components/DayInput';

const kindOptions = specialCampaignKinds.map((value) => ({ value, label: specialCampaignKindLabels[value] }));
const row = { marginBottom: 8 };

/**
 * 部署专项行动 (the office): name, kind, the phases in order, and each unit's tasks with the day
 * they are due. The plan is checked by the same rule the server applies (validateCampaign) and
 * every problem is listed before anything is sent.
 */
export function CampaignForm({ organisationId, unitOptions, onClose, onSaved }: {
  organisationId: string; unitOptions: { value: string; label: string }[]; onClose: () => void; onSaved: (c: SpecialCampaignView) => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<CampaignFormValues>();
  const [saving, setSaving] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);
  const phases = Form.useWatch('phases', form) ?? [];
  const phaseOptions = phases.map((p, i) => ({ value: i, label: p?.name?.trim() ? p.name.trim() : `第${i + 1}阶段` }));

  const submit = async (v: CampaignFormValues) => {
    const body = campaignBody(v, organisationId);
    const problems = planProblems(body);
    setErrors(problems);
    if (problems.length > 0) return;
    setSaving(true);
    try {
      const saved = await specialCampaignApi.create(body);
      void message.success(`已部署“${saved.name}”。`);
      onSaved(saved);
    } catch (failure) {
      setErrors([campaignErrorText(errorMessage(failure))]);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Drawer open title="部署专项行动" size={860} onClose={onClose} destroyOnHidden
      extra={<Space><Button onClick={onClose}>取消</Button><Button type="primary" loading={saving} onClick={() => form.submit()}>部署</Button></Space>}>
      <Form<CampaignFormValues> form={form} layout="vertical" onFinish={(v) => void submit(v)}
        initialValues={{ kind: 'safetyMonth', phases: [{ name: '动员部署' }], tasks: [{ phase: 0 }] }}>
        {errors.length > 0 && (
          <div role="alert" style={{ marginBottom: 16 }}>
            {errors.map((e) => <Typography.Paragraph key={e} type="danger" style={{ marginBottom: 4 }}>{e}</Typography.Paragraph>)}
          </div>
        )}
        <Space wrap align="start">
          <Form.Item name="name" label="专项行动名称" rules={[{ required: true, whitespace: true, message: '请填写专项行动名称' }]}>
            <Input aria-label="专项行动名称" maxLength={200} style={{ width: 420 }} />
          </Form.Item>
          <Form.Item name="kind" label="类型" rules={[{ required: true, message: '请选择类型' }]}>
            <Select aria-label="类型" options={kindOptions} style={{ width: 300 }} />
          </Form.Item>
        </Space>
        <div><Typography.Text strong>阶段安排</Typography.Text></div>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>按时间顺序填写，前后阶段不得重叠，如动员部署、自查自改、督导检查、总结提升。</Typography.Paragraph>
        <Form.List name="phases">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, i) => (
                <Space key={field.key} align="baseline" wrap>
                  <Form.Item name={[field.name, 'name']} style={row} rules={[{ required: true, whitespace: true, message: '请填写阶段名称' }]}>
                    <Input aria-label={`阶段${i + 1}名称`} placeholder="阶段名称" maxLength={100} style={{ width: 200 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'from']} style={row} rules={[{ required: true, message: '请填写开始日期' }]}>
                    <DayInput aria-label={`阶段${i + 1}开始日期`} style={{ width: 160 }} />
                  </Form.Item>
                  <span>至</span>
                  <Form.Item name={[field.name, 'to']} style={row} rules={[{ required: true, message: '请填写结束日期' }]}>
                    <DayInput aria-label={`阶段${i + 1}结束日期`} style={{ width: 160 }} />
                  </Form.Item>
                  {fields.length > 1 && <Button type="link" onClick={() => remove(field.name)}>删除</Button>}
                </Space>
              ))}
              <div style={{ marginBottom: 16 }}><Button size="small" onClick={() => add({})}>添加阶段</Button></div>
            </>
          )}
        </Form.List>
        <div><Typography.Text strong>各单位任务</Typography.Text></div>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>完成期限须在所属阶段的起止日期之内；承担任务的单位报送进展。</Typography.Paragraph>
        <Form.List name="tasks">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, i) => (
                <Space key={field.key} align="baseline" wrap>
                  <Form.Item name={[field.name, 'unitId']} style={row} rules={[{ required: true, message: '请选择单位' }]}>
                    <Select aria-label={`任务${i + 1}承担单位`} placeholder="承担任务的单位" showSearch={{ optionFilterProp: 'label' }} options={unitOptions} style={{ width: 170 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'phase']} style={row} rules={[{ required: true, message: '请选择阶段' }]}>
                    <Select aria-label={`任务${i + 1}所属阶段`} placeholder="所属阶段" options={phaseOptions} style={{ width: 140 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'title']} style={row} rules={[{ required: true, whitespace: true, message: '请填写任务内容' }]}>
                    <Input aria-label={`任务${i + 1}内容`} placeholder="任务内容" maxLength={200} style={{ width: 250 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'dueOn']} style={row} rules={[{ required: true, message: '请填写完成期限' }]}>
                    <DayInput aria-label={`任务${i + 1}完成期限`} style={{ width: 150 }} />
                  </Form.Item>
                  {fields.length > 1 && <Button type="link" onClick={() => remove(field.name)}>删除</Button>}
                </Space>
              ))}
              <div><Button size="small" onClick={() => add({ phase: 0 })}>添加任务</Button></div>
            </>
          )}
        </Form.List>
      </Form>
    </Drawer>
  );
}

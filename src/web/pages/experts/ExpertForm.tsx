import { App, Button, Drawer, Form, Input, Radio, Select, Space, Switch, Typography } from 'antd';
import { useState } from 'react';
import type { ReactNode } from 'react';
import { expertLevelLabels, expertLevels } from '../../../shared/schemas/expert';
import { errorMessage } from '../../api/client';
import { withFieldNames } from '../../field-errors';
import { EnterpriseSelect } from '../../components/EnterpriseSelect';
import { expertApi } from './api';
import type { ExpertView } from './api';
import { employerKindOptions, expertFieldLabels, expertFields, expertFormValues, expertUpdateBody } from './expert-form';
import type { ExpertFormValues } from './expert-form';
import { DayInput } from '../../components/DayInput';

const levelOptions = expertLevels.map((value) => ({ value, label: expertLevelLabels[value] }));
const row = { marginBottom: 8 };

/** Repeated rows (曾任职单位、利害关系、不能参加的期间) with an add button. */
function Rows({ name, addLabel, children }: {
  name: string; addLabel: string; children: (field: { name: number }, i: number) => ReactNode;
}) {
  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <>
          {fields.map((field, i) => (
            <Space key={field.key} align="baseline" wrap>
              {children(field, i)}
              <Button type="link" onClick={() => remove(field.name)}>删除</Button>
            </Space>
          ))}
          <div style={{ marginBottom: 16 }}><Button size="small" onClick={() => add({})}>{addLabel}</Button></div>
        </>
      )}
    </Form.List>
  );
}

/**
 * 专家入库 or 修改专家信息: the facts the drawing and its recusal use (docs/ledgers.md §5) —
 * specialties, level, employer, former employers, declared ties, unavailable periods, in the pool.
 */
export function ExpertForm({ expert, onClose, onSaved }: { expert?: ExpertView; onClose: () => void; onSaved: (e: ExpertView) => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<ExpertFormValues>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const employerKind = Form.useWatch('employerKind', form);

  const submit = async (values: ExpertFormValues) => {
    setSaving(true);
    setError(null);
    try {
      const saved = expert ? await expertApi.update(expert.id, expertUpdateBody(values, expert.version)) : await expertApi.create(expertFields(values));
      void message.success(expert ? `已保存“${saved.name}”的信息。` : `“${saved.name}”已入库。`);
      onSaved(saved);
    } catch (failure) {
      setError(withFieldNames(errorMessage(failure), expertFieldLabels));
    } finally {
      setSaving(false);
    }
  };

  const title = expert ? `修改专家信息：${expert.name}` : '专家入库';
  return (
    <Drawer open title={title} size={640} onClose={onClose} destroyOnHidden
      extra={<Space><Button onClick={onClose}>取消</Button><Button type="primary" loading={saving} onClick={() => form.submit()}>保存</Button></Space>}>
      <Form<ExpertFormValues> form={form} layout="vertical" initialValues={expertFormValues(expert)} onFinish={(v) => void submit(v)}>
        {error && <Typography.Paragraph type="danger" role="alert">{error}</Typography.Paragraph>}
        <Space wrap size={16}>
          <Form.Item name="name" label="姓名" rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}>
            <Input aria-label="姓名" maxLength={50} style={{ width: 180 }} />
          </Form.Item>
          <Form.Item name="level" label="级别" rules={[{ required: true, message: '请选择级别' }]}>
            <Select aria-label="级别" options={levelOptions} placeholder="请选择" style={{ width: 140 }} />
          </Form.Item>
          <Form.Item name="title" label="职称">
            <Input aria-label="职称" maxLength={50} placeholder="如：高级工程师" style={{ width: 200 }} />
          </Form.Item>
        </Space>
        <Form.Item name="specialties" label="专业" extra="输入后按回车添加，可添加多个"
          rules={[{ required: true, type: 'array', min: 1, message: '请至少填写一个专业' }]}>
          <Select aria-label="专业" mode="tags" tokenSeparators={['，', ',', '、']} placeholder="如：危险化学品、建筑施工" />
        </Form.Item>
        <Form.Item name="employerKind" label="现工作单位">
          <Radio.Group aria-label="现工作单位类型" options={employerKindOptions.map((o) => ({ ...o }))} />
        </Form.Item>
        {employerKind === 'ledger' && (
          <Form.Item name="employerEnterpriseId" rules={[{ required: true, message: '请选择工作单位' }]} extra="与被检查单位相同时，抽取时自动回避">
            <EnterpriseSelect aria-label="工作单位（台账中的企业）" />
          </Form.Item>
        )}
        {employerKind === 'name' && (
          <Form.Item name="employerName" rules={[{ required: true, whitespace: true, message: '请填写工作单位名称' }]}>
            <Input aria-label="工作单位名称" maxLength={200} />
          </Form.Item>
        )}
        <Typography.Text strong>曾任职单位</Typography.Text>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>曾在被检查单位任职的专家回避。</Typography.Paragraph>
        <Rows name="formerEmployers" addLabel="添加曾任职单位">
          {(field, i) => (
            <>
              <Form.Item name={[field.name, 'enterpriseId']} style={row} rules={[{ required: true, message: '请选择单位' }]}>
                <EnterpriseSelect aria-label={`曾任职单位${i + 1}`} style={{ width: 300 }} />
              </Form.Item>
              <Form.Item name={[field.name, 'until']} style={row} rules={[{ required: true, message: '请填写任职至' }]}>
                <DayInput aria-label={`任职至${i + 1}`} style={{ width: 160 }} />
              </Form.Item>
            </>
          )}
        </Rows>
        <Typography.Text strong>申报的利害关系</Typography.Text>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>亲属任职、持股、担任顾问等，与该单位有关的检查回避。</Typography.Paragraph>
        <Rows name="declaredTies" addLabel="添加利害关系">
          {(field, i) => (
            <>
              <Form.Item name={[field.name, 'enterpriseId']} style={row} rules={[{ required: true, message: '请选择单位' }]}>
                <EnterpriseSelect aria-label={`利害关系单位${i + 1}`} style={{ width: 300 }} />
              </Form.Item>
              <Form.Item name={[field.name, 'relation']} style={row} rules={[{ required: true, whitespace: true, message: '请填写关系' }]}>
                <Input aria-label={`关系${i + 1}`} placeholder="如：配偶任职" maxLength={100} style={{ width: 160 }} />
              </Form.Item>
            </>
          )}
        </Rows>
        <Typography.Text strong>不能参加检查的期间</Typography.Text>
        <div style={{ height: 8 }} />
        <Rows name="unavailable" addLabel="添加期间">
          {(field, i) => (
            <>
              <Form.Item name={[field.name, 'from']} style={row} rules={[{ required: true, message: '请填写起始日期' }]}>
                <DayInput aria-label={`期间${i + 1}起`} style={{ width: 160 }} />
              </Form.Item>
              <span>至</span>
              <Form.Item name={[field.name, 'to']} style={row} rules={[{ required: true, message: '请填写终止日期' }]}>
                <DayInput aria-label={`期间${i + 1}止`} style={{ width: 160 }} />
              </Form.Item>
            </>
          )}
        </Rows>
        <Form.Item name="active" label="在库" valuePropName="checked" extra="停用的专家不参加抽取">
          <Switch aria-label="在库" />
        </Form.Item>
      </Form>
    </Drawer>
  );
}

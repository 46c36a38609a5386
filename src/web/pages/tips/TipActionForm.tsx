import { Alert, Button, Form, Input, InputNumber, Radio, Select, Space, Switch, Typography } from 'antd';
import type { FormInstance } from 'antd';
import { useState } from 'react';
import { accidentGradeLabels, accidentGrades } from '../../../domain/accidents/grade';
import { errorMessage } from '../../api/client';
import { useRequest } from '../../api/use-request';
import { tipApi } from './api';
import type { TipView } from './api';
import type { TipAction } from './tip-actions';
import { TIP_ACTION_ZH } from './tip-actions';
import { DayInput } from '../../components/DayInput';

const endpoint = { assign: 'assignment', extend: 'extension', verify: 'verification', reply: 'reply', reward: 'reward' } as const;
const text = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);
const defined = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null && v !== ''));

/** The request body of a handling step from its form's values. */
function bodyOf(action: TipAction, tip: TipView, v: Record<string, unknown>): Record<string, unknown> {
  switch (action) {
    case 'assign': return { unitId: v.unitId };
    case 'extend': return { reason: text(v.reason) };
    case 'reply': return defined({ text: text(v.text), repliedOn: text(v.repliedOn) });
    case 'reward': return defined({ firstValidReporter: v.firstValidReporter === true, decidedYuan: v.decidedYuan });
    case 'verify': {
      const hazard = tip.subject === 'majorHazard' && v.verified === true
        ? { hazard: defined({ foundBy: text(v.foundBy), place: text(v.place), description: text(v.hazardDescription), enterpriseId: v.enterpriseId }) } : {};
      return defined({
        verified: v.verified, verifiedOn: text(v.verifiedOn), findings: text(v.findings), fineYuan: v.fineYuan,
        accidentGrade: v.accidentGrade, concealedDeaths: v.concealedDeaths, ...hazard,
      });
    }
  }
}

function Fields({ action, tip, form }: { action: TipAction; tip: TipView; form: FormInstance }) {
  const units = useRequest(() => (action === 'assign' ? tipApi.units() : Promise.resolve(null)), [action]);
  const [search, setSearch] = useState<string>();
  const enterprises = useRequest(() => (action === 'verify' && !tip.enterpriseId ? tipApi.enterprises(search) : Promise.resolve(null)), [action, search]);
  const verified = Form.useWatch('verified', form) as boolean | undefined;
  switch (action) {
    case 'assign':
      return (
        <Form.Item name="unitId" label="负责核查的单位" rules={[{ required: true, message: '请选择负责核查的单位' }]}>
          <Select aria-label="负责核查的单位" showSearch={{ optionFilterProp: 'label' }} style={{ maxWidth: 320 }}
            options={(units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))} />
        </Form.Item>
      );
    case 'extend':
      return <Form.Item name="reason" label="延期理由（情况复杂）" rules={[{ required: true, whitespace: true, message: '请写明延期理由' }]}><Input.TextArea rows={2} maxLength={500} /></Form.Item>;
    case 'reply':
      return (
        <>
          <Form.Item name="text" label="答复内容" rules={[{ required: true, whitespace: true, message: '请填写答复内容' }]}><Input.TextArea rows={3} maxLength={4000} /></Form.Item>
          <Form.Item name="repliedOn" label="答复日期" extra="不填为今天"><DayInput aria-label="答复日期" style={{ width: 180 }} /></Form.Item>
        </>
      );
    case 'reward':
      return (
        <>
          {tip.reward && <Typography.Paragraph type="secondary">{tip.reward.detail}</Typography.Paragraph>}
          <Form.Item name="firstValidReporter" label="同一事项最先有效举报人" valuePropName="checked"><Switch aria-label="同一事项最先有效举报人" /></Form.Item>
          {tip.reward?.minYuan != null && (
            <Form.Item name="decidedYuan" label={`核定金额（${tip.reward.minYuan}至${tip.reward.maxYuan}元）`}>
              <InputNumber aria-label="核定金额" min={0} precision={0} suffix="元" style={{ width: 180 }} />
            </Form.Item>
          )}
        </>
      );
    case 'verify':
      return (
        <>
          <Form.Item name="verified" label="核查结论" rules={[{ required: true, message: '请选择核查结论' }]}>
            <Radio.Group options={[{ value: true, label: '属实' }, { value: false, label: '不属实' }]} />
          </Form.Item>
          <Form.Item name="findings" label="核查情况" rules={[{ required: true, whitespace: true, message: '请填写核查情况' }]}><Input.TextArea rows={3} maxLength={4000} /></Form.Item>
          <Form.Item name="verifiedOn" label="核查完毕日期" extra="不填为今天"><DayInput aria-label="核查完毕日期" style={{ width: 180 }} /></Form.Item>
          {verified === true && tip.subject !== 'concealedAccident' && (
            <Form.Item name="fineYuan" label="行政处罚罚款金额"><InputNumber aria-label="罚款金额" min={0} precision={0} suffix="元" style={{ width: 200 }} /></Form.Item>
          )}
          {verified === true && tip.subject === 'concealedAccident' && (
            <Space wrap>
              <Form.Item name="accidentGrade" label="事故最终等级"><Select aria-label="事故最终等级" style={{ width: 160 }} options={accidentGrades.map((g) => ({ value: g, label: accidentGradeLabels[g] }))} /></Form.Item>
              <Form.Item name="concealedDeaths" label="查实瞒报谎报死亡人数"><InputNumber aria-label="瞒报死亡人数" min={0} precision={0} suffix="人" /></Form.Item>
            </Space>
          )}
          {verified === true && tip.subject === 'majorHazard' && (
            <>
              <Typography.Text strong>据此建立隐患卡</Typography.Text>
              {!tip.enterpriseId && (
                <Form.Item name="enterpriseId" label="生产经营单位" rules={[{ required: true, message: '请选择生产经营单位' }]}>
                  <Select aria-label="隐患所在单位" showSearch={{ filterOption: false, onSearch: (s) => setSearch(s.trim() === '' ? undefined : s.trim()) }}
                    options={(enterprises.data?.items ?? []).map((e) => ({ value: e.id, label: e.name }))} />
                </Form.Item>
              )}
              <Form.Item name="foundBy" label="核查人" rules={[{ required: true, whitespace: true, message: '请填写核查人' }]}><Input maxLength={100} /></Form.Item>
              <Form.Item name="place" label="隐患部位" rules={[{ required: true, whitespace: true, message: '请填写隐患部位' }]}><Input maxLength={200} /></Form.Item>
              <Form.Item name="hazardDescription" label="隐患描述" rules={[{ required: true, whitespace: true, message: '请填写隐患描述' }]}><Input.TextArea rows={2} maxLength={2000} /></Form.Item>
            </>
          )}
        </>
      );
  }
}

/** One handling step's form; the server's refusal is shown as it is and nothing changes. */
export function TipActionForm({ tip, action, onDone, onCancel }: { tip: TipView; action: TipAction; onDone: (t: TipView) => void; onCancel: () => void }) {
  const [form] = Form.useForm();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (values: Record<string, unknown>) => {
    setSaving(true);
    setError(null);
    try {
      onDone(await tipApi.step(tip.id, endpoint[action], { version: tip.version, ...bodyOf(action, tip, values) }));
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Form form={form} layout="vertical" initialValues={action === 'reward' ? { firstValidReporter: true } : {}} onFinish={(v) => void submit(v as Record<string, unknown>)}>
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} />}
      <Fields action={action} tip={tip} form={form} />
      <Space>
        <Button type="primary" htmlType="submit" loading={saving}>{TIP_ACTION_ZH[action]}</Button>
        <Button onClick={onCancel}>取消</Button>
      </Space>
    </Form>
  );
}

import { Alert, App, Button, Checkbox, Col, DatePicker, Form, Input, InputNumber, Radio, Row, Tabs, Typography } from 'antd';
import type { FormInstance } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { ReactNode } from 'react';
import type { HazardGrade } from '../../../domain/ledgers/hazard/hazard-card';
import { RETURN_TARGET } from '../../../domain/ledgers/hazard/transition-hazard';
import { hazardActionLabels, hazardGradeLabels, hazardStateLabels } from '../../../shared/schemas/hazard';
import { errorMessage } from '../../api/client';
import { hazardApi } from './api';
import type { HazardCardView, HazardStepInput } from './api';
import { fieldsNamed } from './field-errors';
import { bodyOf } from './step-body';
import type { Values } from './step-body';
import type { HazardStepAction, OpenSteps } from './steps';
import { useAccount } from '../../session/session';
import { PhotosInput } from './Photos';


/** Labels of every field of the step forms, to place a refusal under the fields it names. */
const labels = {
  number: '隐患编号', grade: '隐患等级', legalBasis: '判定依据', measures: '整改措施', responsiblePerson: '整改责任人',
  deadline: '整改期限', fundsYuan: '整改资金', temporaryMeasures: '临时管控措施',
  planGoal: '治理的目标和任务', planMeasures: '采取的方法和措施', planFunds: '经费和物资', planFundsSource: '经费来源',
  planBody: '负责治理的机构', planPerson: '负责治理的人员', planSafety: '安全措施和应急预案', fiveInPlace: '五到位',
  summary: '整改情况说明', conclusion: '验收结论', reviewer: '验收人', reason: '退回理由',
} as const;

export const fiveInPlaceOptions = [
  { value: 'measures', label: '整改措施到位' }, { value: 'funds', label: '资金到位' }, { value: 'deadline', label: '期限到位' },
  { value: 'person', label: '责任人到位' }, { value: 'emergencyPlan', label: '应急预案到位' },
] as const;

const required = (message: string) => [{ required: true, whitespace: true, message }];

function fields(action: HazardStepAction, hazard: HazardCardView, grades: readonly HazardGrade[], form: FormInstance<Values>, uploadUnitId: string): ReactNode {
  const major = hazard.grade === 'major';
  switch (action) {
    case 'register':
      return (
        <Form.Item label="隐患编号" name="number" rules={required('请填写隐患编号')} extra="在本区唯一，如 ZC-YH-2026-0001">
          <Input maxLength={50} placeholder="如 ZC-YH-2026-0001" />
        </Form.Item>
      );
    case 'grade':
      return (
        <>
          <Form.Item label="隐患等级" name="grade" rules={[{ required: true, message: '请选择一般隐患或重大隐患' }]}
            extra={grades.length === 1 ? '重大隐患由行业监管部门执法人员定级' : undefined}>
            <Radio.Group options={grades.map((g) => ({ value: g, label: hazardGradeLabels[g] }))} />
          </Form.Item>
          <Form.Item noStyle shouldUpdate={(a: Values, b: Values) => a.grade !== b.grade}>
            {() => (
              <Form.Item label="判定依据" name="legalBasis" rules={form.getFieldValue('grade') === 'major' ? required('判定为重大隐患必须写明判定依据') : []}
                extra="重大隐患须写明所依据的判定标准及条款">
                <Input.TextArea rows={2} maxLength={500} placeholder="如《化工和危险化学品生产经营单位重大生产安全事故隐患判定标准（试行）》第十条" />
              </Form.Item>
            )}
          </Form.Item>
        </>
      );
    case 'startRectification':
      return (
        <>
          <Typography.Paragraph type="secondary">由生产经营单位负责整改（第16号令第四条、第十五条），此处代为登记其整改安排。</Typography.Paragraph>
          <Row gutter={16}>
            <Col xs={24}>
              <Form.Item label="整改措施" name="measures" rules={required('请填写整改措施')}><Input.TextArea rows={2} maxLength={2000} /></Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item label="整改责任人" name="responsiblePerson" rules={required('请填写整改责任人')}><Input maxLength={50} /></Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item label="整改期限" name="deadline" rules={[{ required: true, message: '请选择整改期限' }]}>
                <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} placeholder="选择日期" aria-label="整改期限"
                  disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item label="整改资金" name="fundsYuan"><InputNumber min={0} precision={0} style={{ width: '100%' }} suffix="元" /></Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item label="临时管控措施" name="temporaryMeasures"><Input.TextArea rows={2} maxLength={2000} /></Form.Item>
            </Col>
          </Row>
          {major && (
            <>
              <Typography.Title level={5}>重大隐患治理方案（第16号令第十五条第二款）</Typography.Title>
              <Row gutter={16}>
                <Col xs={24} md={12}>
                  <Form.Item label="治理的目标和任务" name="planGoal" rules={required('请填写治理的目标和任务')}><Input.TextArea rows={2} maxLength={2000} /></Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item label="采取的方法和措施" name="planMeasures" rules={required('请填写采取的方法和措施')}><Input.TextArea rows={2} maxLength={2000} /></Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item label="经费和物资" name="planFunds" rules={[{ required: true, message: '请填写落实的经费金额' }]}>
                    <InputNumber min={1} precision={0} style={{ width: '100%' }} suffix="元" />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item label="经费来源" name="planFundsSource" rules={required('请填写经费来源')}><Input maxLength={200} placeholder="如 企业自筹" /></Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item label="负责治理的机构" name="planBody" rules={required('请填写负责治理的机构')}><Input maxLength={200} /></Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item label="负责治理的人员" name="planPerson" rules={required('请填写负责治理的人员')}><Input maxLength={50} /></Form.Item>
                </Col>
                <Col xs={24}>
                  <Form.Item label="安全措施和应急预案" name="planSafety" rules={required('请填写安全措施和应急预案')}><Input.TextArea rows={2} maxLength={2000} /></Form.Item>
                </Col>
              </Row>
              <Typography.Paragraph type="secondary">治理的时限和要求与上面的整改期限相同。</Typography.Paragraph>
              <Form.Item label="五到位" name="fiveInPlace" rules={[{
                validator: async (_r, v: string[] | undefined) => {
                  if ((v ?? []).length < fiveInPlaceOptions.length) throw new Error('重大隐患整改须做到五到位，请逐项确认');
                },
              }]}>
                <Checkbox.Group options={fiveInPlaceOptions.map((o) => ({ ...o }))} />
              </Form.Item>
            </>
          )}
        </>
      );
    case 'applyForAcceptance':
      return (
        <>
          <Typography.Paragraph type="secondary">申请后应在10日内组织验收（第16号令第二十三条）。</Typography.Paragraph>
          <Form.Item label="整改情况说明" name="summary" rules={required('请填写整改情况说明')}><Input.TextArea rows={3} maxLength={2000} /></Form.Item>
          <Form.Item label="整改后照片" name="photosAfter" extra="可不填；JPEG 或 PNG，最多20张">
            <PhotosInput label="整改后照片" unitId={uploadUnitId} />
          </Form.Item>
        </>
      );
    case 'accept':
      return (
        <Row gutter={16}>
          <Col xs={24}>
            <Form.Item label="验收结论" name="conclusion" rules={required('请填写验收结论')}><Input.TextArea rows={2} maxLength={2000} placeholder="如 经现场复查，整改到位" /></Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label="验收人" name="reviewer" rules={required('请填写验收人')}><Input maxLength={100} /></Form.Item>
          </Col>
        </Row>
      );
    case 'return': {
      const target = RETURN_TARGET[hazard.state];
      return (
        <>
          {target && <Typography.Paragraph type="secondary">退回后隐患回到“{hazardStateLabels[target]}”。</Typography.Paragraph>}
          <Form.Item label="退回理由" name="reason" rules={required('退回必须写明理由')}><Input.TextArea rows={2} maxLength={2000} /></Form.Item>
        </>
      );
    }
    case 'close':
      return <Typography.Paragraph>隐患已验收合格，确认销号后本卡片办结。</Typography.Paragraph>;
  }
}

const buttonText: Record<HazardStepAction, string> = {
  register: '登记', grade: '定级', startRectification: '开始整改', applyForAcceptance: '申请验收', accept: '验收通过', return: '退回', close: '销号',
};

function StepForm({ action, hazard, grades, onDone }: { action: HazardStepAction; hazard: HazardCardView; grades: readonly HazardGrade[]; onDone: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  // Photos are files of the reader's own unit, or, for the office, of the enterprise's town.
  const me = useAccount();
  const [saving, setSaving] = useState(false);
  const [serverError, setServerError] = useState<string>();
  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return; // the form shows what is wrong
    setSaving(true);
    setServerError(undefined);
    try {
      // The version read with the card: a step someone took meanwhile is refused, not overwritten.
      await hazardApi.step(hazard.id, { ...bodyOf(action, values, hazard.grade === 'major'), version: hazard.version } as HazardStepInput);
      message.success(`已${hazardActionLabels[action]}`);
      onDone();
    } catch (failure) {
      const text = errorMessage(failure);
      setServerError(text);
      const present = new Set(Object.keys(form.getFieldsValue()));
      const named = fieldsNamed(text, labels).filter((f) => present.has(f));
      form.setFields(named.map((name) => ({ name, errors: [text] })));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Form<Values> form={form} layout="vertical" aria-label={hazardActionLabels[action]}
      initialValues={action === 'grade' && grades.length === 1 ? { grade: grades[0] } : {}}>
      {fields(action, hazard, grades, form, me.unitId ?? hazard.territorialUnitId)}
      {serverError && <Alert type="error" showIcon title={serverError} style={{ marginBottom: 12 }} />}
      <Button type="primary" danger={action === 'return'} loading={saving} onClick={() => void submit()}>{buttonText[action]}</Button>
    </Form>
  );
}

/** The next steps the signed-in account may take on the card, one tab each. */
export function StepForms({ hazard, open, onDone }: { hazard: HazardCardView; open: OpenSteps; onDone: () => void }) {
  if (open.actions.length === 0) return null;
  return (
    <Tabs
      items={open.actions.map((action) => ({
        key: action,
        label: hazardActionLabels[action],
        children: <StepForm key={`${action}-${hazard.version}`} action={action} hazard={hazard} grades={open.grades} onDone={onDone} />,
      }))}
    />
  );
}

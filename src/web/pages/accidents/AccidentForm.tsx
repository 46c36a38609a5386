import { App, Button, Col, DatePicker, Divider, Drawer, Form, Input, Row, Select, Space, Switch } from 'antd';
import type { FormRule } from 'antd';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { gradeAccident } from '../../../domain/accidents/grade';
import { requiredReportLevels } from '../../../domain/accidents/reporting';
import type { ReportTimes } from '../../../domain/accidents/reporting';
import { sectorLabels } from '../../../domain/sectors';
import { accidentCreateSchema } from '../../../shared/schemas/accident';
import type { AccidentCreate } from '../../../shared/schemas/accident';
import { errorMessage } from '../../api/client';
import { zodRule } from '../../components/zod-rule';
import { accidentApi } from './api';
import type { AccidentView, UnitView } from './api';
import { AccidentFiguresFields } from './AccidentFiguresFields';
import { ReportTimesFields } from './ReportTimes';

const shape = accidentCreateSchema.shape;

export const sectorOptions = Object.entries(sectorLabels)
  .map(([value, label]) => ({ value, label }))
  .sort((a, b) => a.label.localeCompare(b.label, 'zh-CN'));

interface RecordForm {
  number?: string;
  occurredAt?: Dayjs;
  place?: string;
  territorialUnitId?: string;
  sector?: string;
  regulatingUnitId?: string;
  enterprise?: string;
  liability: boolean;
  summary?: string;
  deaths?: number;
  seriousInjuries?: number;
  directLoss?: number;
  reports?: ReportTimes;
}

const occurredAtText = (value: Dayjs) => value.format('YYYY-MM-DDTHH:mm');

/** The date picker's value checked by the same rule the server applies to 发生时间. */
const occurredAtRule: FormRule = {
  validator: async (_rule, value: Dayjs | undefined) => {
    if (!value) throw new Error('请选择事故发生时间');
    const result = shape.occurredAt.safeParse(occurredAtText(value));
    if (!result.success) throw new Error(result.error.issues[0]?.message ?? '发生时间不正确');
    if (value.isAfter(dayjs())) throw new Error('事故发生时间不能晚于现在');
  },
};

const blank = (value: string | undefined) => (value && value.trim() !== '' ? value.trim() : undefined);

/** 登记事故: every field of the register, with the grade shown as the figures are typed. */
export function AccidentForm({ organisationId, units, onClose, onSaved }: {
  organisationId: string;
  units: readonly UnitView[];
  onClose: () => void;
  onSaved: (accident: AccidentView) => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<RecordForm>();
  const [saving, setSaving] = useState(false);
  const sector = Form.useWatch('sector', form);

  const territorial = units.filter((u) => u.category === 'territorial').map((u) => ({ value: u.id, label: u.name }));
  const regulators = units.filter((u) => u.category !== 'territorial').map((u) => ({
    value: u.id,
    label: sector && u.sectors.includes(sector) ? `${u.name}（监管该行业）` : u.name,
    regulates: sector ? u.sectors.includes(sector) : false,
  })).sort((a, b) => Number(b.regulates) - Number(a.regulates));

  const save = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return; // the form shows what is wrong
    const input: AccidentCreate = {
      organisationId,
      occurredAt: occurredAtText(values.occurredAt!),
      deaths: values.deaths ?? 0,
      seriousInjuries: values.seriousInjuries ?? 0,
      directLoss: values.directLoss ?? 0,
      liability: values.liability,
    };
    const optional = {
      number: blank(values.number), place: blank(values.place), territorialUnitId: values.territorialUnitId, sector: values.sector,
      regulatingUnitId: values.regulatingUnitId, enterprise: blank(values.enterprise), summary: blank(values.summary),
    };
    for (const [key, value] of Object.entries(optional)) if (value !== undefined) Object.assign(input, { [key]: value });
    // Only the levels the grade requires are asked; a time typed for a level the figures no
    // longer require (its field has gone) is not sent.
    const reports: ReportTimes = {};
    for (const level of requiredReportLevels(gradeAccident(input).grade)) {
      const time = values.reports?.[level];
      if (time) reports[level] = time;
    }
    if (Object.keys(reports).length > 0) input.reports = reports;
    setSaving(true);
    try {
      const saved = await accidentApi.record(input);
      message.success(`已登记，认定为${saved.gradeLabel}事故`);
      onSaved(saved);
    } catch (failure) {
      message.error(errorMessage(failure));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Drawer
      open
      title="登记事故"
      size={720}
      onClose={onClose}
      destroyOnHidden
      extra={(
        <Space>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={saving} onClick={save}>登记</Button>
        </Space>
      )}
    >
      <Form<RecordForm> form={form} layout="vertical" initialValues={{ liability: true, deaths: 0, seriousInjuries: 0, directLoss: 0 }} aria-label="登记事故">
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item label="发生时间" name="occurredAt" rules={[occurredAtRule]}>
              <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} placeholder="选择日期和时间" aria-label="发生时间" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label="事故编号" name="number" rules={[zodRule(shape.number)]} extra="可不填，系统自动编号">
              <Input placeholder="如 2026-WC-01" maxLength={50} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item label="发生地点" name="place" rules={[zodRule(shape.place)]}>
              <Input placeholder="如 某镇某企业车间" maxLength={200} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label="属地单位" name="territorialUnitId" rules={[zodRule(shape.territorialUnitId)]}>
              <Select allowClear showSearch={{ optionFilterProp: 'label' }} placeholder="事故发生地所属的镇、街道" options={territorial} aria-label="属地单位" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label="行业领域" name="sector" rules={[zodRule(shape.sector)]}>
              <Select allowClear showSearch={{ optionFilterProp: 'label' }} placeholder="选择行业领域" options={sectorOptions} aria-label="行业领域" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label="行业监管部门" name="regulatingUnitId" rules={[zodRule(shape.regulatingUnitId)]}>
              <Select allowClear showSearch={{ optionFilterProp: 'label' }} placeholder="负责该行业的部门" options={regulators} aria-label="行业监管部门" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label="事故单位（企业）" name="enterprise" rules={[zodRule(shape.enterprise)]}>
              <Input placeholder="发生事故的企业或单位" maxLength={200} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <AccidentFiguresFields />
          </Col>
          <Col xs={24}>
            <Form.Item label="责任事故" name="liability" valuePropName="checked">
              <Switch checkedChildren="是" unCheckedChildren="否" aria-label="责任事故" />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item label="事故简要经过" name="summary" rules={[zodRule(shape.summary)]}>
              <Input.TextArea rows={3} maxLength={2000} showCount />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Divider style={{ margin: '4px 0 12px' }} />
            <ReportTimesFields occurredAt={occurredAtText} />
          </Col>
        </Row>
      </Form>
    </Drawer>
  );
}

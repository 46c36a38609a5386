import { Alert, Button, Col, DatePicker, Empty, Form, Input, InputNumber, List, Modal, Row, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import type { z } from 'zod';
import { schemeSchema } from '../../../../domain/scheme/schema';
import type { accidentListSchema } from '../../../../shared/schemas/accident';
import type { UnitCriteria } from '../../../../shared/schemas/criteria';
import { whatIfChangeSchema } from '../../../../shared/schemas/result';
import type { whatIfResultSchema } from '../../../../shared/schemas/result';
import { api, errorMessage } from '../../../api/client';
import { useRequest } from '../../../api/use-request';
import { DiffTable } from '../approval/DiffTable';
import { campaignApi } from '../api';
import type { CampaignUnitList } from '../api';
import { createApi } from '../create/api';

type Change = z.infer<typeof whatIfChangeSchema>;
type WhatIfResult = z.infer<typeof whatIfResultSchema>;
type ResultTable = WhatIfResult['before'];
type SimRow = ResultTable['rows'][number];
type AccidentList = z.infer<typeof accidentListSchema>;

const at = (id: string) => `/api/campaigns/${encodeURIComponent(id)}`;
const whatIfApi = {
  run: (id: string, changes: Change[]) => api.post<WhatIfResult>(`${at(id)}/what-if`, { changes }),
  criteria: (id: string, unitId: string) => api.get<UnitCriteria>(`${at(id)}/units/${encodeURIComponent(unitId)}/criteria`),
  accidents: (year: number) => api.get<AccidentList>('/api/accidents', { year, pageSize: 200 }),
};

type Kind = 'itemScore' | 'addAccident' | 'removeAccident' | 'addVeto' | 'rejectVeto' | 'threshold';
const kindOptions: { value: Kind; label: string }[] = [
  { value: 'itemScore', label: '修改单位逐项得分' },
  { value: 'addAccident', label: '增加一起事故' },
  { value: 'removeAccident', label: '去掉一起事故' },
  { value: 'addVeto', label: '增加一票否决' },
  { value: 'rejectVeto', label: '驳回一票否决' },
  { value: 'threshold', label: '调整合格分数线' },
];

interface Described { change: Change; text: string }

/** The simulated table beside the real one: cells that differ are marked. */
function resultColumns(compareWith: ResultTable | null): TableProps<SimRow>['columns'] {
  const other = new Map((compareWith?.rows ?? []).map((r) => [r.unitId ?? r.unit, r]));
  const mark = (row: SimRow, field: keyof SimRow, text: string) => {
    const peer = other.get(row.unitId ?? row.unit);
    return peer && peer[field] !== row[field] ? <Typography.Text mark strong>{text}</Typography.Text> : text;
  };
  return [
    { title: '单位', dataIndex: 'unit' },
    { title: '分数', dataIndex: 'score', width: 64, align: 'right', render: (v: number | null, row) => mark(row, 'score', v == null ? '—' : String(v)) },
    { title: '等次', dataIndex: 'grade', width: 70, render: (v: string, row) => mark(row, 'grade', v) },
    { title: '排名', dataIndex: 'rank', width: 56, align: 'center', render: (v: number | null, row) => mark(row, 'rank', v == null ? '—' : String(v)) },
    { title: '奖励（元）', dataIndex: 'reward', width: 90, align: 'right', render: (v: number | null, row) => mark(row, 'reward', v == null ? '—' : v.toLocaleString('zh-CN')) },
  ];
}

/**
 * 假设测算 (模拟): the office tries changes to scores, accidents and vetoes on a copy of the
 * campaign's data and sees the recomputed table beside the real one. Nothing is saved.
 */
export function WhatIfPanel({ campaignId, year, open, onClose }: { campaignId: string; year: number; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm();
  const [kind, setKind] = useState<Kind>('itemScore');
  const [changes, setChanges] = useState<Described[]>([]);
  const [result, setResult] = useState<WhatIfResult | null>(null);
  const [running, setRunning] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const units = useRequest<CampaignUnitList>(async () => (open ? campaignApi.units(campaignId) : { items: [] }), [campaignId, open]);
  const scheme = useRequest(async () => (open ? createApi.scheme(campaignId) : null), [campaignId, open]);
  const accidents = useRequest(async () => (open ? whatIfApi.accidents(year) : null), [year, open]);
  const unitId = Form.useWatch('unit', form) as string | undefined;
  const criterionId = Form.useWatch('criterion', form) as string | undefined;
  const criteria = useRequest(async () => (open && unitId && kind === 'itemScore' ? whatIfApi.criteria(campaignId, unitId) : null), [campaignId, unitId, kind, open]);
  const criterion = criteria.data?.items.find((c) => c.id === criterionId);

  const unitNames = useMemo(() => new Map((units.data?.items ?? []).map((u) => [u.unitId, u.name])), [units.data]);
  const unitOptions = (units.data?.items ?? []).map((u) => ({ value: u.unitId, label: u.name }));
  const parsedScheme = useMemo(() => (scheme.data ? schemeSchema.safeParse(scheme.data.scheme) : null), [scheme.data]);
  const vetoRules = parsedScheme?.success ? parsedScheme.data.veto.rules : [];
  const manualRules = vetoRules.filter((r) => r.type === 'manual');
  const unitName = (id: string) => unitNames.get(id) ?? '未知单位';

  const add = async () => {
    setFormError(null);
    let values: Record<string, unknown>;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    let described: Described;
    switch (kind) {
      case 'itemScore': {
        if (!criterion?.method) return;
        const v = values.value;
        const input = criterion.method.type === 'passFail' ? { passed: v === 'passed' }
          : criterion.method.type === 'deduction' ? { deductions: Number(v) > 0 ? [{ times: Number(v), reason: '模拟扣分' }] : [] }
            : Number(v);
        const shown = criterion.method.type === 'passFail' ? (v === 'passed' ? '达标' : '不达标')
          : criterion.method.type === 'deduction' ? `扣分 ${Number(v)} 次` : `${Number(v)} 分`;
        described = { change: { kind: 'itemScore', unit: String(values.unit), criterion: criterion.id, input }, text: `${unitName(String(values.unit))}：${criterion.id} ${criterion.name} 改为 ${shown}` };
        break;
      }
      case 'addAccident': {
        const id = `模拟事故${changes.filter((c) => c.change.kind === 'addAccident').length + 1}`;
        const date = (values.occurredAt as Dayjs).format('YYYY-MM-DD');
        const deaths = Number(values.deaths ?? 0);
        described = {
          change: {
            kind: 'addAccident',
            accident: {
              id, occurredAt: date, deaths, seriousInjuries: Number(values.seriousInjuries ?? 0), directLoss: Number(values.directLoss ?? 0) * 10_000,
              ...(values.territorialUnit ? { territorialUnit: String(values.territorialUnit) } : {}),
              ...(values.regulatingUnit ? { regulatingUnit: String(values.regulatingUnit) } : {}),
            },
          },
          text: `增加事故：${date}${values.territorialUnit ? ` ${unitName(String(values.territorialUnit))}辖区` : ''}${values.regulatingUnit ? `（${unitName(String(values.regulatingUnit))}监管）` : ''}，死亡 ${deaths} 人`,
        };
        break;
      }
      case 'removeAccident': {
        const a = accidents.data?.items.find((x) => x.id === values.accident);
        described = { change: { kind: 'removeAccident', accident: String(values.accident) }, text: `去掉事故：${a ? `${a.occurredAt.slice(0, 10)} ${a.place ?? ''}（${a.gradeLabel}）` : ''}` };
        break;
      }
      case 'addVeto':
      case 'rejectVeto': {
        const rule = vetoRules.find((r) => r.id === values.rule);
        described = {
          change: { kind, unit: String(values.unit), rule: String(values.rule), reason: String(values.reason) },
          text: `${kind === 'addVeto' ? '一票否决' : '驳回否决'}：${unitName(String(values.unit))}（${rule?.reason ?? ''}）`,
        };
        break;
      }
      case 'threshold':
        described = { change: { kind: 'threshold', value: Number(values.value) }, text: `合格分数线改为 ${Number(values.value)} 分` };
        break;
    }
    const checked = whatIfChangeSchema.safeParse(described.change);
    if (!checked.success) {
      setFormError(checked.error.issues[0]?.message ?? '改动不正确');
      return;
    }
    setChanges((list) => [...list, described]);
    setResult(null);
    form.resetFields(['criterion', 'value', 'reason', 'accident', 'rule']);
  };

  const run = async () => {
    setRunning(true);
    setFailure(null);
    try {
      setResult(await whatIfApi.run(campaignId, changes.map((c) => c.change)));
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setRunning(false);
    }
  };

  const vetoOptions = (rules: typeof vetoRules) => rules.map((r) => ({ value: r.id, label: r.reason }));

  return (
    <Modal
      open={open}
      onCancel={onClose}
      footer={null}
      width="calc(100vw - 48px)"
      style={{ top: 24, maxWidth: 1400 }}
      title={<Space><Tag color="orange">模拟</Tag>假设测算</Space>}
      destroyOnHidden
      closable={{ 'aria-label': '关闭' }}
    >
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title="模拟测算：以下改动只用于测算，不保存，也不改变正式的考核结果。"
      />
      <Row gutter={16}>
        <Col xs={24} lg={10}>
          <Form form={form} layout="vertical" aria-label="模拟改动">
            <Form.Item label="改动类型">
              <Select aria-label="改动类型" value={kind} options={kindOptions} onChange={(k: Kind) => { setKind(k); setFormError(null); form.resetFields(); }} />
            </Form.Item>
            {(kind === 'itemScore' || kind === 'addVeto' || kind === 'rejectVeto') && (
              <Form.Item name="unit" label="单位" rules={[{ required: true, message: '请选择单位' }]}>
                <Select aria-label="单位" showSearch optionFilterProp="label" options={unitOptions} placeholder="选择单位" onChange={() => form.resetFields(['criterion', 'value'])} />
              </Form.Item>
            )}
            {kind === 'itemScore' && (
              <>
                <Form.Item name="criterion" label="考核细则条目" rules={[{ required: true, message: '请选择条目' }]}>
                  <Select
                    aria-label="考核细则条目"
                    disabled={!unitId}
                    loading={criteria.loading && !!unitId}
                    placeholder={unitId ? '选择条目' : '先选择单位'}
                    showSearch
                    optionFilterProp="label"
                    options={(criteria.data?.items ?? []).filter((c) => c.leaf).map((c) => ({
                      value: c.id, label: `${c.id} ${c.name}（${c.points}分，${c.method?.label ?? ''}）`, disabled: c.method?.type === 'formula',
                    }))}
                    onChange={() => form.resetFields(['value'])}
                  />
                </Form.Item>
                {criterion?.method?.type === 'passFail' && (
                  <Form.Item name="value" label="是否达标" rules={[{ required: true, message: '请选择是否达标' }]}>
                    <Select aria-label="是否达标" options={[{ value: 'passed', label: '达标' }, { value: 'failed', label: '不达标' }]} />
                  </Form.Item>
                )}
                {criterion?.method?.type === 'deduction' && (
                  <Form.Item name="value" label={`扣分次数（每次 ${criterion.method.perOccurrence} 分）`} rules={[{ required: true, message: '请填写扣分次数' }]}>
                    <InputNumber aria-label="扣分次数" min={0} max={1000} precision={0} />
                  </Form.Item>
                )}
                {criterion?.method?.type === 'manual' && (
                  <Form.Item name="value" label={`得分（0 至 ${criterion.points} 分）`} rules={[{ required: true, message: '请填写得分' }]}>
                    <InputNumber aria-label="模拟得分" min={0} max={criterion.points} step={0.5} precision={2} />
                  </Form.Item>
                )}
              </>
            )}
            {kind === 'addAccident' && (
              <>
                <Form.Item name="occurredAt" label="发生日期" rules={[{ required: true, message: '请选择发生日期' }]}>
                  <DatePicker aria-label="发生日期" placeholder="选择日期" />
                </Form.Item>
                <Form.Item name="territorialUnit" label="属地单位">
                  <Select aria-label="属地单位" allowClear showSearch optionFilterProp="label" options={unitOptions} placeholder="事故发生地所在的镇、街道" />
                </Form.Item>
                <Form.Item name="regulatingUnit" label="行业监管部门">
                  <Select aria-label="行业监管部门" allowClear showSearch optionFilterProp="label" options={unitOptions} placeholder="可不选" />
                </Form.Item>
                <Space wrap>
                  <Form.Item name="deaths" label="死亡（人）" initialValue={0}><InputNumber aria-label="死亡人数" min={0} precision={0} /></Form.Item>
                  <Form.Item name="seriousInjuries" label="重伤（人）" initialValue={0}><InputNumber aria-label="重伤人数" min={0} precision={0} /></Form.Item>
                  <Form.Item name="directLoss" label="直接经济损失（万元）" initialValue={0}><InputNumber aria-label="直接经济损失" min={0} precision={0} /></Form.Item>
                </Space>
              </>
            )}
            {kind === 'removeAccident' && (
              <Form.Item name="accident" label="事故" rules={[{ required: true, message: '请选择事故' }]}>
                <Select
                  aria-label="事故"
                  loading={accidents.loading}
                  notFoundContent={accidents.error ?? `${year} 年没有登记事故`}
                  options={(accidents.data?.items ?? []).map((a) => ({ value: a.id, label: `${a.occurredAt.slice(0, 10)} ${a.place ?? ''}，死亡 ${a.deaths} 人（${a.gradeLabel}）` }))}
                />
              </Form.Item>
            )}
            {(kind === 'addVeto' || kind === 'rejectVeto') && (
              <>
                <Form.Item
                  name="rule"
                  label="否决规则"
                  rules={[{ required: true, message: '请选择否决规则' }]}
                  extra={kind === 'addVeto' && manualRules.length === 0 ? '本方案的否决规则都由事故等事实自动判断，没有可由安委会决定的否决规则；可改用“增加一起事故”测算。' : undefined}
                >
                  <Select aria-label="否决规则" options={vetoOptions(kind === 'addVeto' ? manualRules : vetoRules)} disabled={kind === 'addVeto' && manualRules.length === 0} />
                </Form.Item>
                <Form.Item name="reason" label="理由" rules={[{ required: true, whitespace: true, message: '请填写理由' }]}>
                  <Input aria-label="理由" maxLength={500} />
                </Form.Item>
              </>
            )}
            {kind === 'threshold' && (
              <Form.Item name="value" label="合格分数线（分）" rules={[{ required: true, message: '请填写分数线' }]}>
                <InputNumber aria-label="合格分数线" min={0} max={10_000} />
              </Form.Item>
            )}
            {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 12 }} />}
            {criteria.error && <Alert type="error" showIcon title={criteria.error} style={{ marginBottom: 12 }} />}
            <Button onClick={() => void add()}>加入改动</Button>
          </Form>
        </Col>
        <Col xs={24} lg={14}>
          <Typography.Title level={5} style={{ marginTop: 0 }}>待测算的改动（{changes.length} 项）</Typography.Title>
          <List
            size="small"
            bordered
            aria-label="待测算的改动"
            dataSource={changes}
            locale={{ emptyText: '尚未加入改动' }}
            renderItem={(c, i) => (
              <List.Item actions={[<Button key="remove" type="link" size="small" onClick={() => { setChanges((list) => list.filter((_, j) => j !== i)); setResult(null); }}>移除</Button>]}>
                {c.text}
              </List.Item>
            )}
          />
          <Space style={{ marginTop: 12 }}>
            <Button type="primary" disabled={changes.length === 0} loading={running} onClick={() => void run()}>模拟测算</Button>
            <Button disabled={changes.length === 0} onClick={() => { setChanges([]); setResult(null); setFailure(null); }}>清空改动</Button>
          </Space>
          {failure && <Alert type="error" showIcon title={failure} style={{ marginTop: 12 }} />}
        </Col>
      </Row>
      {result && (
        <>
          <Row gutter={16} style={{ marginTop: 16 }}>
            <Col xs={24} lg={12}>
              <Typography.Title level={5}>实际结果</Typography.Title>
              <Table<SimRow> size="small" rowKey="seq" pagination={false} aria-label="实际结果" scroll={{ y: 420 }}
                columns={resultColumns(null)} dataSource={result.before.rows} />
              <Typography.Text type="secondary">合格 {result.before.stats.atOrAboveThreshold} 个，合格率 {result.before.stats.passRatePercent}%</Typography.Text>
            </Col>
            <Col xs={24} lg={12}>
              <Typography.Title level={5}><Tag color="orange">模拟</Tag>测算结果（不保存）</Typography.Title>
              <Table<SimRow> size="small" rowKey="seq" pagination={false} aria-label="模拟结果" scroll={{ y: 420 }}
                columns={resultColumns(result.before)} dataSource={result.after.rows}
                onRow={(row) => ({ style: result.diff.rows.some((d) => d.unit === row.unit && d.changes.some((c) => c.field !== 'seq')) ? { background: '#fffbe6' } : {} })} />
              <Typography.Text type="secondary">合格 {result.after.stats.atOrAboveThreshold} 个，合格率 {result.after.stats.passRatePercent}%</Typography.Text>
            </Col>
          </Row>
          <Typography.Title level={5} style={{ marginTop: 16 }}>变化</Typography.Title>
          {result.diff.rows.length === 0 ? <Empty description="这些改动不影响结果" image={Empty.PRESENTED_IMAGE_SIMPLE} />
            : <DiffTable diff={result.diff} beforeLabel="实际" afterLabel="模拟" />}
        </>
      )}
    </Modal>
  );
}

import { App, Button, Col, Form, Modal, Row, Space, Table, Tag, Typography } from 'antd';
import type { FormRule } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { gradeAccident } from '../../../domain/accidents/grade';
import {
  checkReportTimes, reportingStatus, reportLevelLabels, reportLevelReporters, reportLevels, reportStateText, requiredReportLevels,
} from '../../../domain/accidents/reporting';
import type { LevelReport, ReportLevel, ReportState, ReportTimes } from '../../../domain/accidents/reporting';
import { errorMessage } from '../../api/client';
import { MinuteInput } from '../../components/MinuteInput';
import { accidentApi } from './api';
import type { AccidentView } from './api';

type LevelView = NonNullable<AccidentView['reporting']>['levels'][number];

/** 'YYYY-MM-DDTHH:mm' as people write it. */
export const minuteText = (value: string) => value.replace('T', ' ');

const stateColours: Record<ReportState, string> = { onTime: 'green', late: 'orange', pending: 'blue', overdue: 'red', notRequired: 'default' };

export function ReportStateTag({ report }: { report: Pick<LevelReport, 'state' | 'minutesLate'> }) {
  return <Tag color={stateColours[report.state]}>{reportStateText(report)}</Tag>;
}

export const reportRule = '事故单位负责人应于事故发生后 1 小时内报告县级安全生产监督管理部门和有关部门（国务院令第493号第九条）；'
  + '此后逐级上报，每级不超过 2 小时：一般事故报至设区的市级，较大事故报至省级，重大、特别重大事故报至国务院安全生产监督管理部门（第十条）。';

const limitText = (level: ReportLevel) => (level === 'county' ? '事故发生后 1 小时内' : '下一级收到报告后 2 小时内');

/**
 * A report time checked as the server checks it (not before the accident, not before the level
 * below, not after now); a problem is shown on the field of the level it names.
 */
function reportTimeRule(level: ReportLevel, occurredAt: () => string | undefined, times: () => ReportTimes): FormRule {
  return {
    validator: async (_rule, value: string | undefined) => {
      const at = occurredAt();
      if (!value || !at) return;
      const upTo: ReportTimes = {};
      for (const l of reportLevels.slice(0, reportLevels.indexOf(level) + 1)) {
        const t = l === level ? value : times()[l];
        if (t) upTo[l] = t;
      }
      const problem = checkReportTimes(at, upTo, new Date());
      if (problem?.startsWith(reportLevelLabels[level])) throw new Error(problem);
    },
  };
}

/**
 * 报告时限 on the form that records an accident: a time field for each level the grade of the
 * figures typed so far requires, with its deadline and state, judged by the domain rule the
 * server applies. Lives inside a Form with fields occurredAt (a date-time) and reports.<level>.
 */
export function ReportTimesFields({ occurredAt }: { occurredAt: (value: Dayjs) => string }) {
  const form = Form.useFormInstance();
  const occurred = Form.useWatch<Dayjs | undefined>('occurredAt', form);
  const reports = Form.useWatch<ReportTimes | undefined>('reports', form) ?? {};
  const deaths = Form.useWatch('deaths', form);
  const seriousInjuries = Form.useWatch('seriousInjuries', form);
  const directLoss = Form.useWatch('directLoss', form);
  const count = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : 0);
  const { grade } = gradeAccident({ deaths: count(deaths), seriousInjuries: count(seriousInjuries), directLoss: count(directLoss) });
  const at = occurred ? occurredAt(occurred) : undefined;
  const filled = Object.fromEntries(Object.entries(reports).filter(([, v]) => typeof v === 'string' && v !== '')) as ReportTimes;
  let status: LevelReport[] | undefined;
  if (at) {
    try { status = reportingStatus({ grade, occurredAt: at, reports: filled, now: new Date() }).levels; } catch { status = undefined; }
  }
  const required = requiredReportLevels(grade);
  return (
    <div role="group" aria-label="报告时限">
      <Typography.Title level={5}>报告时限</Typography.Title>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>{reportRule}已报告的层级可在此填写报告时间，也可登记后在详情中补填。</Typography.Paragraph>
      <Row gutter={16}>
        {required.map((level) => {
          const s = status?.find((l) => l.level === level);
          const extra = s?.deadline
            ? <Space size={4} wrap><span>应于 {minuteText(s.deadline)} 前报告（{reportLevelReporters[level]}，{limitText(level)}）</span><ReportStateTag report={s} /></Space>
            : '选定发生时间后计算时限';
          return (
            <Col xs={24} md={12} key={level}>
              <Form.Item
                label={`${reportLevelLabels[level]}报告时间`}
                name={['reports', level]}
                extra={extra}
                dependencies={['occurredAt', ...reportLevels.filter((l) => l !== level).map((l) => ['reports', l])]}
                rules={[reportTimeRule(level, () => at, () => filled)]}
              >
                <MinuteInput style={{ width: '100%' }} aria-label={`${reportLevelLabels[level]}报告时间`} />
              </Form.Item>
            </Col>
          );
        })}
      </Row>
    </div>
  );
}

/** The dialog that records or corrects one level's report time, or withdraws it. */
function ReportDialog({ accident, report, onClose, onSaved }: {
  accident: AccidentView; report: LevelView; onClose: () => void; onSaved: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reportedAt?: string }>();
  const [saving, setSaving] = useState(false);
  const label = `${report.levelLabel}报告时间`;
  const others: ReportTimes = Object.fromEntries((accident.reporting?.levels ?? [])
    .filter((l) => l.level !== report.level && l.reportedAt).map((l) => [l.level, l.reportedAt!]));
  const send = async (reportedAt: string | null) => {
    setSaving(true);
    try {
      await accidentApi.recordReport(accident.id, report.level, { version: accident.version, reportedAt });
      message.success(reportedAt ? `已登记${label}` : `已撤销${label}`);
      onSaved();
    } catch (failure) {
      message.error(errorMessage(failure));
    } finally {
      setSaving(false);
    }
  };
  const save = async () => {
    const values = await form.validateFields().catch(() => null);
    if (values?.reportedAt) await send(values.reportedAt);
  };
  return (
    <Modal
      open
      title={`${report.reportedAt ? '更正' : '登记'}${label}`}
      onCancel={onClose}
      destroyOnHidden
      footer={(
        <Space>
          <Button onClick={onClose}>取消</Button>
          {report.reportedAt && <Button danger loading={saving} onClick={() => send(null)}>撤销此时间</Button>}
          <Button type="primary" loading={saving} onClick={save}>保存</Button>
        </Space>
      )}
    >
      <Typography.Paragraph>
        {report.reporter}报告{report.authority}，{limitText(report.level)}
        {report.deadline ? `，应于 ${minuteText(report.deadline)} 前报告。` : '。'}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ reportedAt: report.reportedAt ?? undefined }}>
        <Form.Item
          label={label}
          name="reportedAt"
          rules={[{ required: true, message: `请选择${label}` }, reportTimeRule(report.level, () => accident.occurredAt, () => others)]}
        >
          <MinuteInput style={{ width: '100%' }} aria-label={label} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 报告时限 of one accident: each level its grade requires, its deadline, the time recorded and its state. */
export function ReportTimesCard({ accident, mayRecord, onSaved }: { accident: AccidentView; mayRecord: boolean; onSaved: () => void }) {
  const [editing, setEditing] = useState<LevelView>();
  const reporting = accident.reporting;
  if (!reporting) return null;
  return (
    <>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {reportRule}
        {!reporting.occurredAtExact && '本事故发生时间只记到日期，时限自当日 24 时起算。'}
      </Typography.Paragraph>
      <Table<LevelView>
        rowKey="level"
        size="small"
        pagination={false}
        dataSource={reporting.levels}
        scroll={{ x: 640 }}
        columns={[
          {
            title: '报告层级', dataIndex: 'level', width: 170,
            render: (_: unknown, l) => (
              <Space orientation="vertical" size={0}>
                <span>{l.levelLabel}</span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>{l.authority}</Typography.Text>
              </Space>
            ),
          },
          {
            title: '时限', dataIndex: 'deadline', width: 160,
            render: (_: unknown, l) => (
              <Space orientation="vertical" size={0}>
                <span>{l.deadline ? minuteText(l.deadline) : '—'}</span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>{l.required ? `${l.reporter}，${limitText(l.level)}` : '本等级不要求上报至此'}</Typography.Text>
              </Space>
            ),
          },
          {
            title: '报告时间', dataIndex: 'reportedAt', width: 150,
            render: (_: unknown, l) => (
              <Space orientation="vertical" size={0}>
                <span>{l.reportedAt ? minuteText(l.reportedAt) : '—'}</span>
                {l.recordedBy && <Typography.Text type="secondary" style={{ fontSize: 12 }}>登记人：{l.recordedBy}</Typography.Text>}
              </Space>
            ),
          },
          { title: '状态', dataIndex: 'state', width: 110, render: (_: unknown, l) => <ReportStateTag report={l} /> },
          ...(mayRecord ? [{
            title: '操作', key: 'edit', width: 70,
            render: (_: unknown, l: LevelView) => (
              <Button size="small" type="link" onClick={() => setEditing(l)} aria-label={`${l.reportedAt ? '更正' : '登记'}${l.levelLabel}报告时间`}>
                {l.reportedAt ? '更正' : '登记'}
              </Button>
            ),
          }] : []),
        ]}
      />
      {editing && (
        <ReportDialog accident={accident} report={editing} onClose={() => setEditing(undefined)} onSaved={() => { setEditing(undefined); onSaved(); }} />
      )}
    </>
  );
}

import { Alert, Button, Card, Descriptions, Result, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { MeasureType, StepKey } from '../../../domain/ledgers/enforcement/procedures';
import { mayList } from '../../access';
import { useRequest } from '../../api/use-request';
import { useAccount } from '../../session/session';
import { enforcementApi } from './api';
import type { MeasureDetail } from './api';
import { chinaTimeText } from '../../labels';
import { stepDetailText } from './step-fields';
import { StepForm } from './StepForm';
import { DeadlineStatusTag, MeasureTags } from './tags';

type Step = MeasureDetail['steps'][number];
type Deadline = MeasureDetail['deadlines'][number];

const when = chinaTimeText;

function Facts({ m }: { m: MeasureDetail }) {
  return (
    <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered>
      <Descriptions.Item label="措施类型">{m.typeLabel}</Descriptions.Item>
      <Descriptions.Item label="生产经营单位"><Link to={`/enterprises/${encodeURIComponent(m.enterpriseId)}`}>{m.enterpriseName}</Link></Descriptions.Item>
      <Descriptions.Item label="属地镇街">{m.territorialUnitName}</Descriptions.Item>
      <Descriptions.Item label="行业监管部门">{m.regulatingUnitName}</Descriptions.Item>
      <Descriptions.Item label="决定书编号">{m.decisionNumber ?? '—'}</Descriptions.Item>
      <Descriptions.Item label="实施日期">{m.startedOn ?? '未实施'}</Descriptions.Item>
      {m.emergency && <Descriptions.Item label="紧急情形" span={2}>{m.emergencyReason}</Descriptions.Item>}
      <Descriptions.Item label="法律依据" span={2}>{m.legalBasis.map((r) => `${r.law}${r.article}`).join('；')}</Descriptions.Item>
      {m.hazardId && <Descriptions.Item label="所针对的隐患" span={2}><Link to={`/hazards/${encodeURIComponent(m.hazardId)}`}>查看隐患卡片</Link></Descriptions.Item>}
      <Descriptions.Item label="结束日期">{m.endedOn ?? '—'}</Descriptions.Item>
      <Descriptions.Item label="办理环节">{m.stage}</Descriptions.Item>
    </Descriptions>
  );
}

function Deadlines({ items }: { items: readonly Deadline[] }) {
  if (items.length === 0) return <Typography.Text type="secondary">尚无起算的法定期限。</Typography.Text>;
  return (
    <Table<Deadline> rowKey="key" size="small" pagination={false} dataSource={[...items]} scroll={{ x: 640 }}
      columns={[
        { title: '期限', dataIndex: 'label' },
        { title: '时间', dataIndex: 'at', width: 150, render: (v: string, d) => `${d.kind === 'notBefore' ? '不早于 ' : ''}${when(v)}` },
        { title: '状态', dataIndex: 'status', width: 100, render: (_: unknown, d) => <DeadlineStatusTag status={d.status} label={d.statusLabel} /> },
        { title: '依据', dataIndex: 'basis', render: (v: string) => <Typography.Text type="secondary">{v}</Typography.Text> },
      ]} />
  );
}

function Steps({ items, type }: { items: readonly Step[]; type: MeasureType }) {
  if (items.length === 0) return <Typography.Text type="secondary">尚未记录步骤。</Typography.Text>;
  return (
    <Table<Step> rowKey="seq" size="small" pagination={false} dataSource={[...items]} scroll={{ x: 640 }}
      columns={[
        { title: '实施时间', dataIndex: 'at', width: 140, render: when },
        { title: '步骤', dataIndex: 'stepLabel', width: 160 },
        {
          title: '情况', dataIndex: 'summary',
          render: (_: unknown, s) => (
            <Space orientation="vertical" size={0}>
              <Space size={4} wrap>
                <span>{stepDetailText(s.step as StepKey, type, s.detail) || '已记录'}</span>
                {s.flags.map((f) => <Tag key={f.code} color={f.code === 'notApproved' ? 'red' : 'orange'}>{f.label}</Tag>)}
              </Space>
            </Space>
          ),
        },
        { title: '记录时间', dataIndex: 'recordedAt', width: 140, render: when },
      ]} />
  );
}

/** /enforcement/:id — one measure: its facts, legal deadlines, steps, and the next step's form. */
export function Component() {
  const { id = '' } = useParams();
  const me = useAccount();
  const detail = useRequest(() => enforcementApi.get(id), [id]);
  const [current, setCurrent] = useState<MeasureDetail>();
  const [step, setStep] = useState<StepKey>();
  const m = current?.id === id ? current : detail.data;
  const mayRecord = mayList(me, 'enforcement.manage');

  if (detail.error && !m) {
    return <Result status="404" title="未找到该执法措施" subTitle={detail.error} extra={<Link to="/enforcement">返回执法措施台账</Link>} />;
  }
  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={3} className="anke-page-title">{m ? `${m.typeLabel}：${m.enterpriseName}` : '执法措施'}</Typography.Title>
        <Link to="/enforcement">返回执法措施台账</Link>
      </Space>
      {detail.loading && !m && <Skeleton active />}
      {m && (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <MeasureTags measure={m} />
          {m.warnings.map((w) => <Alert key={w.key} type={w.level === 'overdue' ? 'error' : 'warning'} showIcon title={w.message} />)}
          {mayRecord && (
            <Card size="small" title="记录下一步">
              {m.nextSteps.length === 0 && <Typography.Text type="secondary">{m.ended ? '该措施已结束。' : '没有可以记录的步骤。'}</Typography.Text>}
              {!step && (
                <Space wrap>
                  {m.nextSteps.map((s) => <Button key={s.step} onClick={() => setStep(s.step as StepKey)}>{s.label}</Button>)}
                </Space>
              )}
              {step && (
                <StepForm key={`${step}-${m.version}`} measure={m} step={step}
                  onCancel={() => setStep(undefined)} onDone={(next) => { setCurrent(next); setStep(undefined); }} />
              )}
            </Card>
          )}
          <Card size="small" title="措施情况"><Facts m={m} /></Card>
          <Card size="small" title="法定期限"><Deadlines items={m.deadlines} /></Card>
          <Card size="small" title={`程序步骤（共 ${m.steps.length} 步）`}><Steps items={m.steps} type={m.type as MeasureType} /></Card>
        </Space>
      )}
    </>
  );
}

import { Alert, Button, Card, Descriptions, Result, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { mayList } from '../../access';
import { useRequest } from '../../api/use-request';
import { chinaTimeText } from '../../china-time';
import { useAccount } from '../../session/session';
import { fileUrl, inspectionApi } from './api';
import type { InspectionReportView, InspectionView } from './api';
import { DrawForm } from './DrawForm';
import { hazardFindings, inspectionActions, slotText } from './inspection-form';
import { RecordForm } from './RecordForm';
import { ReportForm } from './ReportForm';
import { InspectionStateTag } from './tags';

type Drawing = NonNullable<InspectionView['drawing']>;
type Finding = InspectionView['findings'][number];

function Plan({ i, unitName }: { i: InspectionView; unitName: (id: string) => string }) {
  return (
    <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered>
      <Descriptions.Item label="检查方式">{i.kindLabel}</Descriptions.Item>
      <Descriptions.Item label="生产经营单位">{i.enterpriseName}</Descriptions.Item>
      <Descriptions.Item label="属地镇街">{unitName(i.territorialUnitId)}</Descriptions.Item>
      <Descriptions.Item label="行业监管部门">{unitName(i.regulatingUnitId)}</Descriptions.Item>
      <Descriptions.Item label="检查表">{i.checklistSectorLabel}</Descriptions.Item>
      <Descriptions.Item label="计划检查日期">{i.plannedOn}</Descriptions.Item>
      <Descriptions.Item label="检查日期">{i.inspectedOn ?? '尚未检查'}</Descriptions.Item>
      <Descriptions.Item label="检查人员">{i.inspectors.length > 0 ? i.inspectors.join('、') : '—'}</Descriptions.Item>
      <Descriptions.Item label="执法文书编号" span={2}>{i.documentNumbers.length > 0 ? i.documentNumbers.join('；') : '—'}</Descriptions.Item>
    </Descriptions>
  );
}

function DrawingView({ d }: { d: Drawing }) {
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Typography.Text type="secondary">
        抽取时间：{chinaTimeText(d.drawnAt)}；抽取条件：{d.slots.map(slotText).join('；')}；随机种子 {d.seed}（同一种子和专家库可重现同样结果）
      </Typography.Text>
      <Table rowKey={(e) => `${e.expertId}-${e.specialty}`} size="small" pagination={false} dataSource={[...d.experts]}
        columns={[
          { title: '抽中的专家', dataIndex: 'name', width: 140 },
          { title: '专业', dataIndex: 'specialty' },
          { title: '级别', dataIndex: 'levelLabel', width: 100 },
        ]} />
      <div>
        <Typography.Text strong>回避（{d.recusals.length} 名）</Typography.Text>
        {d.recusals.length === 0
          ? <div><Typography.Text type="secondary">没有需要回避的专家。</Typography.Text></div>
          : (
            <ul style={{ margin: '4px 0 0', paddingLeft: 20 }}>
              {d.recusals.map((r) => <li key={r.expertId}><Typography.Text strong>{r.name}</Typography.Text>：{r.reasons.join('；')}</li>)}
            </ul>
          )}
      </div>
    </Space>
  );
}

function Findings({ items }: { items: readonly Finding[] }) {
  if (items.length === 0) return <Typography.Text type="secondary">尚未登记检查记录。</Typography.Text>;
  return (
    <Table<Finding> rowKey="seq" size="small" pagination={false} dataSource={[...items]} scroll={{ x: 760 }}
      columns={[
        { title: '序号', dataIndex: 'seq', width: 60 },
        { title: '检查项', dataIndex: 'item', width: 220 },
        { title: '结果', dataIndex: 'compliant', width: 80, render: (v: boolean) => (v ? <Tag color="green">符合</Tag> : <Tag color="red">不符合</Tag>) },
        { title: '检查情况', dataIndex: 'description' },
        { title: '部位', dataIndex: 'place', width: 140, render: (v: string | null, f) => (f.compliant ? '—' : v ?? f.item) },
        {
          title: '隐患卡片', dataIndex: 'hazardId', width: 110,
          render: (v: string | null) => (v ? <Link to={`/hazards/${encodeURIComponent(v)}`}>查看隐患卡片</Link> : '—'),
        },
      ]} />
  );
}

function Reports({ items }: { items: readonly InspectionReportView[] }) {
  if (items.length === 0) return <Typography.Text type="secondary">尚无检查报告。</Typography.Text>;
  return (
    <Table<InspectionReportView> rowKey="id" size="small" pagination={false} dataSource={[...items]} scroll={{ x: 760 }}
      columns={[
        { title: '报告日期', dataIndex: 'reportedOn', width: 110 },
        { title: '出具方', key: 'author', width: 200, render: (_: unknown, r) => `${r.authorKindLabel}：${r.authorName}` },
        { title: '标题', dataIndex: 'title', width: 200 },
        { title: '主要结论', dataIndex: 'summary' },
        { title: '文件', dataIndex: 'fileId', width: 80, render: (v: string | null) => (v ? <a href={fileUrl(v)} target="_blank" rel="noreferrer">下载</a> : '—') },
      ]} />
  );
}

/** /inspections/:id — one inspection: the plan, the drawing with its recusals, the record's findings and their hazard cards, the reports. */
export function Component() {
  const { id = '' } = useParams();
  const me = useAccount();
  const detail = useRequest(() => inspectionApi.get(id), [id]);
  const units = useRequest(() => inspectionApi.units(), []);
  const [current, setCurrent] = useState<InspectionView>();
  const [open, setOpen] = useState<'draw' | 'record' | 'report'>();
  const i = current?.id === id ? current : detail.data;
  const mayManage = mayList(me, 'inspection.manage');
  const unitName = (unitId: string) => units.data?.items.find((u) => u.id === unitId)?.name ?? '—';

  if (detail.error && !i) {
    return <Result status="404" title="未找到该检查" subTitle={detail.error} extra={<Link to="/inspections">返回检查台账</Link>} />;
  }
  const actions = i ? inspectionActions(i) : undefined;
  const cards = i ? hazardFindings(i) : [];
  const done = (next: InspectionView) => { setCurrent(next); setOpen(undefined); };
  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={3} className="anke-page-title">{i ? `${i.kindLabel}：${i.enterpriseName}` : '检查'}</Typography.Title>
        <Link to="/inspections">返回检查台账</Link>
      </Space>
      {detail.loading && !i && <Skeleton active />}
      {i && actions && (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <InspectionStateTag inspection={i} />
          {cards.length > 0 && (
            <Alert type="warning" showIcon title={`不符合的 ${cards.length} 项已建立隐患卡片`}
              description={<Space wrap>{cards.map((c) => <Link key={c.hazardId} to={`/hazards/${encodeURIComponent(c.hazardId)}`}>第 {c.seq} 项：{c.place}</Link>)}</Space>} />
          )}
          {mayManage && (
            <Card size="small" title="办理">
              <Space wrap>
                {actions.draw && <Button onClick={() => setOpen('draw')}>{i.drawing ? '重新抽取专家' : '随机抽取专家'}</Button>}
                {actions.record && <Button type="primary" onClick={() => setOpen('record')}>登记检查记录</Button>}
                <Button onClick={() => setOpen('report')}>附加检查报告</Button>
                {actions.hint && <Typography.Text type="secondary">{actions.hint}</Typography.Text>}
                {i.state === 'recorded' && <Typography.Text type="secondary">已于{i.inspectedOn}登记检查记录。</Typography.Text>}
              </Space>
            </Card>
          )}
          <Card size="small" title="检查计划"><Plan i={i} unitName={unitName} /></Card>
          <Card size="small" title="抽取的专家">
            {i.drawing ? <DrawingView d={i.drawing} /> : <Typography.Text type="secondary">尚未抽取专家。</Typography.Text>}
          </Card>
          <Card size="small" title={`检查结果（共 ${i.findings.length} 项）`}><Findings items={i.findings} /></Card>
          <Card size="small" title={`检查报告（共 ${i.reports.length} 份）`}><Reports items={i.reports} /></Card>
        </Space>
      )}
      {i && open === 'draw' && <DrawForm inspection={i} onClose={() => setOpen(undefined)} onDone={done} />}
      {i && open === 'record' && <RecordForm inspection={i} onClose={() => setOpen(undefined)} onDone={done} />}
      {i && open === 'report' && (
        <ReportForm inspection={i} uploadUnitId={me.unitId ?? i.territorialUnitId} onClose={() => setOpen(undefined)}
          onDone={(r) => { setCurrent({ ...i, reports: [...i.reports, r] }); setOpen(undefined); }} />
      )}
    </>
  );
}

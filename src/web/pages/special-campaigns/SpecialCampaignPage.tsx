import { Button, Card, Descriptions, Result, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { mayList } from '../../access';
import { useRequest } from '../../api/use-request';
import { useAccount } from '../../session/session';
import { specialCampaignApi } from './api';
import type { SpecialCampaignDetail } from './api';
import { progressText, taskRows } from './campaign-form';
import type { TaskRow } from './campaign-form';
import { ProgressForm } from './ProgressForm';
import { TaskStandingTag } from './tags';

type Phase = SpecialCampaignDetail['phases'][number];
type UnitProgress = SpecialCampaignDetail['progress']['units'][number];
type Report = SpecialCampaignDetail['reports'][number];

/** /special-campaigns/:id — one campaign: its phases, each unit's tasks with their standing, and the progress reports. */
export function Component() {
  const { id = '' } = useParams();
  const me = useAccount();
  const detail = useRequest(() => specialCampaignApi.get(id), [id]);
  const [current, setCurrent] = useState<SpecialCampaignDetail>();
  const [reporting, setReporting] = useState<TaskRow>();
  const c = current?.id === id ? current : detail.data;
  const mayReport = mayList(me, 'specialCampaign.report');

  if (detail.error && !c) {
    return <Result status="404" title="未找到该专项行动" subTitle={detail.error} extra={<Link to="/special-campaigns">返回专项行动</Link>} />;
  }
  const rows = c ? taskRows(c) : [];
  const taskTitle = (taskId: string) => rows.find((t) => t.id === taskId)?.title ?? '—';
  const unitName = (unitId: string) => c?.progress.units.find((u) => u.unitId === unitId)?.unitName ?? '—';
  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={3} className="anke-page-title">{c ? c.name : '专项行动'}</Typography.Title>
        <Link to="/special-campaigns">返回专项行动</Link>
      </Space>
      {detail.loading && !c && <Skeleton active />}
      {c && (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Descriptions column={{ xs: 1, md: 3 }} size="small" bordered>
            <Descriptions.Item label="类型">{c.kindLabel}</Descriptions.Item>
            <Descriptions.Item label="起止日期">{c.startsOn} 至 {c.endsOn}</Descriptions.Item>
            <Descriptions.Item label="当前阶段">{c.progress.currentPhaseName ?? (c.progress.today < c.startsOn ? '尚未开始' : '已结束')}</Descriptions.Item>
            <Descriptions.Item label="完成情况" span={3}>{progressText(c)}</Descriptions.Item>
          </Descriptions>
          <Card size="small" title="阶段安排">
            <Table<Phase> rowKey="key" size="small" pagination={false} dataSource={[...c.phases]}
              columns={[
                { title: '阶段', dataIndex: 'name', render: (v: string, p) => (p.key === c.progress.currentPhaseKey ? <Space>{v}<Tag color="processing">当前阶段</Tag></Space> : v) },
                { title: '开始日期', dataIndex: 'from', width: 130 },
                { title: '结束日期', dataIndex: 'to', width: 130 },
              ]} />
          </Card>
          <Card size="small" title="各单位完成情况">
            <Table<UnitProgress> rowKey="unitId" size="small" pagination={false} dataSource={[...c.progress.units]}
              columns={[
                { title: '单位', dataIndex: 'unitName' },
                { title: '任务', dataIndex: 'tasks', width: 80 },
                { title: '已完成', dataIndex: 'completed', width: 80 },
                { title: '按期完成', dataIndex: 'completedOnTime', width: 90 },
                { title: '逾期未完成', key: 'overdue', width: 100, render: (_: unknown, u) => u.overdueTaskIds.length },
                { title: '完成率', dataIndex: 'completionRate', width: 100, render: (v: number | null) => (v === null ? '—' : `${v.toFixed(2)}%`) },
              ]} />
          </Card>
          <Card size="small" title={`任务（共 ${rows.length} 项）`}>
            <Table<TaskRow> rowKey="id" size="small" pagination={false} dataSource={rows} scroll={{ x: 900 }} locale={{ emptyText: '没有任务' }}
              columns={[
                { title: '单位', dataIndex: 'unitName', width: 130 },
                { title: '阶段', dataIndex: 'phaseName', width: 110 },
                { title: '任务内容', dataIndex: 'title' },
                { title: '完成期限', dataIndex: 'dueOn', width: 110 },
                { title: '状态', dataIndex: 'standing', width: 110, render: (_: unknown, t) => <TaskStandingTag standing={t.standing} /> },
                { title: '最近进展', key: 'last', width: 220, render: (_: unknown, t) => (t.lastReport ? `${t.lastReport.reportedOn}：${t.lastReport.summary ?? '（未填写）'}` : '尚未报送') },
                ...(mayReport ? [{
                  title: '操作', key: 'actions', width: 100,
                  render: (_: unknown, t: TaskRow) => <Button type="link" size="small" aria-label={`报告进展：${t.title}`} onClick={() => setReporting(t)}>报告进展</Button>,
                }] : []),
              ]} />
          </Card>
          <Card size="small" title={`进展报告（共 ${c.reports.length} 份）`}>
            <Table<Report> rowKey="id" size="small" pagination={false} dataSource={[...c.reports].reverse()} scroll={{ x: 900 }} locale={{ emptyText: '尚无进展报告' }}
              columns={[
                { title: '报送日期', dataIndex: 'reportedOn', width: 110 },
                { title: '单位', dataIndex: 'unitId', width: 130, render: (v: string) => unitName(v) },
                { title: '任务', dataIndex: 'taskId', width: 200, render: (v: string) => taskTitle(v) },
                { title: '是否完成', dataIndex: 'completed', width: 120, render: (v: boolean, r) => (v ? <Tag color={r.late ? 'orange' : 'green'}>{r.late ? '已完成（逾期）' : '已完成'}</Tag> : <Tag>仍在进行</Tag>) },
                { title: '进展情况', dataIndex: 'summary', render: (v: string | null) => v ?? '—' },
                { title: '备注', dataIndex: 'note', width: 160, render: (v: string | null) => v ?? '—' },
              ]} />
          </Card>
        </Space>
      )}
      {c && reporting && (
        <ProgressForm campaignId={c.id} task={reporting} onClose={() => setReporting(undefined)} onDone={(next) => { setCurrent(next); setReporting(undefined); }} />
      )}
    </>
  );
}

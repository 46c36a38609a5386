import { Card, Col, Progress as Bar, Row, Statistic, Table, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { agreementStateLabels } from '../../../domain/workflow/agreement-state';
import { selfAssessmentStateLabels } from '../../../domain/workflow/self-assessment-state';
import type { CampaignView } from '../../../shared/schemas/campaign';
import { useRequest } from '../../api/use-request';
import { homeApi, type MonthlyReports, type Progress } from './api';
import { CardState } from './CardState';

/** Months whose deadline has come (on time, late, missing), and those reported on time. */
function monthCounts(months: MonthlyReports['items'][number]['months']) {
  const due = months.filter((m) => m.status === 'onTime' || m.status === 'late' || m.status === 'missing').length;
  return { due, onTime: months.filter((m) => m.status === 'onTime').length };
}

function rowsOf(progress: Progress, reports: MonthlyReports | null) {
  const months = new Map((reports?.items ?? []).map((u) => [u.unitId, monthCounts(u.months)]));
  return progress.units.map((u) => ({ ...u, months: months.get(u.unitId) ?? { due: 0, onTime: 0 } }));
}

/** 考核进度 of the current campaign: totals and one row per unit the user may see. */
export function ProgressCard({ campaign }: { campaign: CampaignView }) {
  const state = useRequest(async () => {
    const [progress, reports] = await Promise.all([
      homeApi.progress(campaign.id),
      homeApi.monthlyReports(campaign.id).catch(() => null),
    ]);
    return { progress, reports, rows: rowsOf(progress, reports) };
  }, [campaign.id]);
  const totals = useMemo(() => {
    const rows = state.data?.rows ?? [];
    return { monthsDue: rows.reduce((n, r) => n + r.months.due, 0), monthsOnTime: rows.reduce((n, r) => n + r.months.onTime, 0) };
  }, [state.data]);
  const link = `/campaigns/${encodeURIComponent(campaign.id)}`;
  return (
    <Card title={`考核进度：${campaign.name}`} extra={<Link to={link}>查看考核活动</Link>} data-testid="progress">
      <CardState {...state}>
        {({ progress, rows }) => {
          const t = progress.totals;
          const stat = (title: string, value: number, of: number) => (
            <Col xs={12} md={8} xl={4} key={title}>
              <Statistic title={title} value={value} suffix={`/ ${of}`} />
              <Bar percent={of === 0 ? 0 : Math.round((value / of) * 100)} size="small" showInfo={false} />
            </Col>
          );
          return (
            <>
              <Typography.Paragraph type="secondary">
                当前阶段：{campaign.stateLabel}；统计至 {progress.asOf}，共 {t.units} 个单位。
              </Typography.Paragraph>
              <Row gutter={[16, 16]}>
                {stat('责任书已签订', t.agreementsSigned, t.units)}
                {stat('月报按时报送（份）', totals.monthsOnTime, totals.monthsDue)}
                {stat('自评已提交', t.selfSubmitted, t.units)}
                {stat('评分已确认', t.teamComplete, t.units)}
                <Col xs={12} md={8} xl={4}><Statistic title="未决否决建议" value={t.pendingVetoProposals} styles={{ content: t.pendingVetoProposals > 0 ? { color: '#cf1322' } : {} }} /></Col>
                <Col xs={12} md={8} xl={4}><Statistic title="控制指标预警单位" value={t.paceWarnings} styles={{ content: t.paceWarnings > 0 ? { color: '#d46b08' } : {} }} /></Col>
              </Row>
              <Table
                style={{ marginTop: 16 }}
                size="small"
                rowKey="unitId"
                dataSource={rows}
                pagination={rows.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
                columns={[
                  { title: '单位', dataIndex: 'name', ellipsis: true },
                  { title: '责任书', dataIndex: 'agreement', width: 90, render: (a: Progress['units'][number]['agreement']) => (a ? agreementStateLabels[a] : '未起草') },
                  { title: '月报按时', key: 'months', width: 90, render: (_, r) => `${r.months.onTime}/${r.months.due}` },
                  { title: '自评', dataIndex: 'selfAssessment', width: 90, render: (s: Progress['units'][number]['selfAssessment']) => <Tag color={s === 'submitted' ? 'green' : s === 'returned' ? 'orange' : 'default'}>{selfAssessmentStateLabels[s]}</Tag> },
                  { title: '考核评分', key: 'team', width: 110, render: (_, r) => (r.teamComplete ? <Tag color="green">已确认</Tag> : `已评 ${r.teamItems} 项`) },
                  {
                    title: '提示', key: 'warnings', ellipsis: true,
                    render: (_, r) => [
                      ...r.paceWarnings,
                      ...(r.pendingVetoProposals > 0 ? [`${r.pendingVetoProposals} 项否决建议待处理`] : []),
                      ...(r.openObjections > 0 ? [`${r.openObjections} 件申诉待答复`] : []),
                    ].join('；') || '—',
                  },
                ]}
              />
            </>
          );
        }}
      </CardState>
    </Card>
  );
}

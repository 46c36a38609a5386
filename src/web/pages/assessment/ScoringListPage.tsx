import { Alert, Breadcrumb, Card, Statistic, Space, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { Link, useParams } from 'react-router';
import { selfAssessmentStateLabels } from '../../../domain/workflow/self-assessment-state';
import { useRequest } from '../../api/use-request';
import { campaignApi } from '../campaigns/api';
import type { CampaignProgress } from './api';
import { assessmentApi } from './api';

type UnitProgress = CampaignProgress['units'][number];

/** 考核评分: the units the actor scores (an assessor: its assigned ones) with their progress. */
export function Component() {
  const { id = '' } = useParams();
  const campaign = useRequest(() => campaignApi.get(id), [id]);
  const progress = useRequest(() => assessmentApi.progress(id), [id]);
  const c = campaign.data;
  const units = progress.data?.units ?? [];
  const done = units.filter((u) => u.teamComplete).length;
  const columns: TableProps<UnitProgress>['columns'] = [
    { title: '被考核单位', dataIndex: 'name', render: (name: string, u) => <Link to={`/campaigns/${encodeURIComponent(id)}/scoring/${encodeURIComponent(u.unitId)}`}>{name}</Link> },
    {
      title: '单位自评',
      dataIndex: 'selfAssessment',
      width: 110,
      render: (s: UnitProgress['selfAssessment']) => <Tag color={s === 'submitted' ? 'green' : s === 'returned' ? 'orange' : 'default'}>{selfAssessmentStateLabels[s]}</Tag>,
    },
    { title: '自评项数', dataIndex: 'selfItems', width: 90, align: 'right' },
    { title: '已评项数', dataIndex: 'teamItems', width: 90, align: 'right' },
    {
      title: '评分进度',
      key: 'state',
      width: 110,
      render: (_: unknown, u) => (u.teamComplete ? <Tag color="green">已完成</Tag> : u.teamItems > 0 ? <Tag color="blue">评分中</Tag> : <Tag>未开始</Tag>),
    },
    {
      title: '操作',
      key: 'actions',
      width: 90,
      render: (_: unknown, u) => <Link to={`/campaigns/${encodeURIComponent(id)}/scoring/${encodeURIComponent(u.unitId)}`} aria-label={`为${u.name}评分`}>评分</Link>,
    },
  ];
  return (
    <>
      <Breadcrumb
        items={[
          { title: <Link to="/campaigns">考核活动</Link> },
          { title: <Link to={`/campaigns/${encodeURIComponent(id)}`}>{c?.name ?? '详情'}</Link> },
          { title: '考核评分' },
        ]}
        style={{ marginBottom: 8 }}
      />
      <Typography.Title level={3} className="anke-page-title">考核评分{c ? `：${c.name}` : ''}</Typography.Title>
      {(campaign.error ?? progress.error) && <Alert type="error" showIcon title={campaign.error ?? progress.error} style={{ marginBottom: 16 }} />}
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card>
          <Space wrap size={48}>
            <Statistic title="考核阶段" value={c?.stateLabel ?? '—'} />
            <Statistic title="负责评分的单位" value={units.length} suffix="个" />
            <Statistic title="已完成评分" value={done} suffix={`/ ${units.length} 个`} />
          </Space>
        </Card>
        <Card title="被考核单位">
          <Table<UnitProgress>
            rowKey="unitId"
            size="small"
            loading={progress.loading}
            columns={columns}
            dataSource={units}
            locale={{ emptyText: '没有分配给您的被考核单位' }}
            pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (total) => `共 ${total} 个单位` }}
          />
        </Card>
      </Space>
    </>
  );
}

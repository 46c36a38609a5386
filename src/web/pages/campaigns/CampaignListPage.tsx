import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Space, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { CampaignView } from '../../../shared/schemas/campaign';
import { useRequest } from '../../api/use-request';
import { useAccount } from '../../session/session';
import { campaignApi } from './api';
import { mayManageCampaigns } from './create/api';
import { CreateCampaignModal } from './create/CreateCampaignModal';
import { stateColours } from './state';

const dateOrDash = (value: string | null) => value ?? '—';

export function Component() {
  const { data, loading, error } = useRequest(() => campaignApi.list(), []);
  const account = useAccount();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const columns: TableProps<CampaignView>['columns'] = [
    {
      title: '考核活动',
      dataIndex: 'name',
      width: 260,
      render: (name: string, c) => <Link to={`/campaigns/${encodeURIComponent(c.id)}`}>{name}{c.period ? `（${c.period}）` : ''}</Link>,
    },
    { title: '年度', dataIndex: 'year', width: 80 },
    { title: '状态', dataIndex: 'stateLabel', width: 120, render: (label: string, c) => <Tag color={stateColours[c.state]}>{label}</Tag> },
    { title: '责任书签订截止', dataIndex: 'agreementDue', width: 140, render: dateOrDash, responsive: ['xl'] },
    { title: '自评截止', dataIndex: 'selfAssessmentDue', width: 120, render: dateOrDash },
    { title: '考核截止', dataIndex: 'assessmentEnds', width: 120, render: dateOrDash },
    {
      title: '操作',
      key: 'actions',
      width: 250,
      render: (_: unknown, c) => (
        <Space>
          <Link to={`/campaigns/${encodeURIComponent(c.id)}`} aria-label={`${c.name}详情`}>详情</Link>
          <Link to={`/campaigns/${encodeURIComponent(c.id)}/results`} aria-label={`${c.name}结果与排名`}>结果与排名</Link>
          <Link to={`/campaigns/${encodeURIComponent(c.id)}/approval`} aria-label={`${c.name}审批与公示`}>审批与公示</Link>
        </Space>
      ),
    },
  ];
  return (
    <>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
        <Typography.Title level={3} className="anke-page-title">考核活动</Typography.Title>
        {mayManageCampaigns(account) && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>新建考核活动</Button>}
      </div>
      <Card>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <Table<CampaignView>
          rowKey="id"
          loading={loading}
          columns={columns}
          dataSource={data?.items ?? []}
          locale={{ emptyText: '暂无考核活动' }}
          pagination={false}
          scroll={{ x: 780 }}
        />
      </Card>
      <CreateCampaignModal
        open={creating}
        campaigns={data?.items ?? []}
        onClose={() => setCreating(false)}
        onCreated={(view) => { setCreating(false); void navigate(`/campaigns/${encodeURIComponent(view.id)}`); }}
      />
    </>
  );
}

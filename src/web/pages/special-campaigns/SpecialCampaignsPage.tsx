import { Alert, Button, Card, Select, Space, Table, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { specialCampaignKindLabels, specialCampaignKinds } from '../../../shared/schemas/special-campaign';
import { mayList } from '../../access';
import { useRequest } from '../../api/use-request';
import { useAccount } from '../../session/session';
import { specialCampaignApi } from './api';
import type { SpecialCampaignSummary } from './api';
import { CampaignForm } from './CampaignForm';
import { progressText } from './campaign-form';
import { registerPagination } from '../../components/register-pagination';

const kindOptions = specialCampaignKinds.map((value) => ({ value, label: specialCampaignKindLabels[value] }));

/** 专项行动: the campaigns the reader sees (a liaison those it has tasks in), newest first, with the current phase and progress. */
export function Component() {
  const me = useAccount();
  const navigate = useNavigate();
  const mayPlan = mayList(me, 'specialCampaign.manage');
  const [kind, setKind] = useState<string>();
  const [unitId, setUnitId] = useState<string>();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [planning, setPlanning] = useState(false);
  const list = useRequest(() => specialCampaignApi.list({ kind, unitId, page, pageSize }), [kind, unitId, page, pageSize]);
  const units = useRequest(() => specialCampaignApi.units(), []);
  const unitOptions = (units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }));
  const reset = <T,>(set: (v: T) => void) => (v: T) => { set(v); setPage(1); };

  const columns: TableProps<SpecialCampaignSummary>['columns'] = [
    { title: '专项行动', dataIndex: 'name', render: (v: string, c) => <Link to={`/special-campaigns/${encodeURIComponent(c.id)}`}>{v}</Link> },
    { title: '类型', dataIndex: 'kindLabel', width: 220 },
    { title: '起止日期', key: 'period', width: 210, render: (_: unknown, c) => `${c.startsOn} 至 ${c.endsOn}` },
    { title: '当前阶段', key: 'phase', width: 120, render: (_: unknown, c) => c.progress.currentPhaseName ?? (c.progress.today < c.startsOn ? '尚未开始' : '已结束') },
    { title: '完成情况', key: 'progress', width: 170, render: (_: unknown, c) => progressText(c) },
  ];

  return (
    <>
      <Typography.Title level={3} className="anke-page-title">专项行动</Typography.Title>
      <Typography.Paragraph type="secondary">
        安全生产月、“六打六治”打非治违、冬季安全隐患排查整治等专项行动：安委办部署阶段安排和各单位任务，承担任务的单位报送进展。
      </Typography.Paragraph>
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <label>
            类型：
            <Select aria-label="按类型筛选" allowClear placeholder="全部" style={{ width: 260 }} options={kindOptions} value={kind} onChange={reset(setKind)} />
          </label>
          {mayPlan && (
            <label>
              有任务的单位：
              <Select aria-label="按有任务的单位筛选" allowClear showSearch={{ optionFilterProp: 'label' }} placeholder="全部" style={{ width: 170 }}
                options={unitOptions} value={unitId} onChange={reset(setUnitId)} />
            </label>
          )}
          {mayPlan && <Button type="primary" onClick={() => setPlanning(true)}>部署专项行动</Button>}
        </Space>
        {list.error && <Alert type="error" showIcon title={list.error} style={{ marginBottom: 16 }} />}
        <Table<SpecialCampaignSummary> rowKey="id" size="middle" loading={list.loading} columns={columns} dataSource={list.data?.items ?? []}
          locale={{ emptyText: '没有专项行动' }} scroll={{ x: 900 }}
          pagination={registerPagination({ page, pageSize, total: list.data?.total ?? 0, unit: '项', setPage, setPageSize })} />
      </Card>
      {planning && (
        <CampaignForm organisationId={me.organisationId} unitOptions={unitOptions} onClose={() => setPlanning(false)}
          onSaved={(c) => { setPlanning(false); void navigate(`/special-campaigns/${encodeURIComponent(c.id)}`); }} />
      )}
    </>
  );
}

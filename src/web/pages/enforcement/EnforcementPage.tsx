import { Alert, Button, Card, Select, Space, Switch, Table, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { measureTypeLabels, measureTypes } from '../../../shared/schemas/enforcement';
import { mayList } from '../../access';
import { useRequest } from '../../api/use-request';
import { useAccount } from '../../session/session';
import { enforcementApi } from './api';
import type { MeasureView } from './api';
import { MeasureForm } from './MeasureForm';
import { MeasureTags } from './tags';
import { registerPagination } from '../../components/register-pagination';

const typeOptions = measureTypes.map((value) => ({ value, label: measureTypeLabels[value] }));
const endedOptions = [{ value: 'false', label: '进行中' }, { value: 'true', label: '已结束' }];

/** 执法措施台账: the measures in the reader's scope, filtered, with their stage and deadline warnings. */
export function Component() {
  const me = useAccount();
  const navigate = useNavigate();
  const mayRecord = mayList(me, 'enforcement.manage');
  const [unitId, setUnitId] = useState<string>();
  const [type, setType] = useState<string>();
  const [ended, setEnded] = useState<string>();
  const [overdue, setOverdue] = useState(false);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [opening, setOpening] = useState(false);

  const list = useRequest(
    () => enforcementApi.list({ unitId, type, ended, overdue: overdue ? 'true' : undefined, page, pageSize }),
    [unitId, type, ended, overdue, page, pageSize],
  );
  const units = useRequest(() => enforcementApi.units(), []);
  const unitOptions = (units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }));
  const reset = <T,>(set: (v: T) => void) => (v: T) => { set(v); setPage(1); };

  const columns: TableProps<MeasureView>['columns'] = [
    {
      title: '执法措施', dataIndex: 'typeLabel', width: 190,
      render: (_: unknown, m) => <Link to={`/enforcement/${encodeURIComponent(m.id)}`}>{m.typeLabel}</Link>,
    },
    {
      title: '生产经营单位', dataIndex: 'enterpriseName',
      render: (_: unknown, m) => (
        <Space orientation="vertical" size={0}>
          <Link to={`/enterprises/${encodeURIComponent(m.enterpriseId)}`}>{m.enterpriseName}</Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>属地：{m.territorialUnitName}；监管：{m.regulatingUnitName}</Typography.Text>
        </Space>
      ),
    },
    { title: '决定书编号', dataIndex: 'decisionNumber', width: 180, render: (v: string | null) => v ?? '—' },
    { title: '实施日期', dataIndex: 'startedOn', width: 104, render: (v: string | null) => v ?? '未实施' },
    { title: '办理环节', dataIndex: 'stage', width: 200 },
    { title: '状态', key: 'tags', width: 170, render: (_: unknown, m) => <MeasureTags measure={m} /> },
  ];

  return (
    <>
      <Typography.Title level={3} className="anke-page-title">执法措施</Typography.Title>
      <Typography.Paragraph type="secondary">
        责令限期整改、停产停业、查封扣押、停止供电、停水、拆除等措施，按法定程序逐步记录；顺序不符或缺少法定要件的步骤不能记录，法定期限到期前提醒。
      </Typography.Paragraph>
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <label>
            单位：
            <Select aria-label="按单位筛选" allowClear showSearch={{ optionFilterProp: 'label' }} placeholder="全部单位" style={{ width: 180 }}
              options={unitOptions} value={unitId} onChange={reset(setUnitId)} />
          </label>
          <label>
            措施类型：
            <Select aria-label="按措施类型筛选" allowClear placeholder="全部类型" style={{ width: 200 }} options={typeOptions} value={type} onChange={reset(setType)} />
          </label>
          <label>
            状态：
            <Select aria-label="按是否结束筛选" allowClear placeholder="全部" style={{ width: 110 }} options={endedOptions} value={ended} onChange={reset(setEnded)} />
          </label>
          <label>
            <Switch aria-label="只看逾期" size="small" checked={overdue} onChange={reset(setOverdue)} /> 只看有逾期期限的
          </label>
          {mayRecord && <Button type="primary" onClick={() => setOpening(true)}>采取执法措施</Button>}
        </Space>
        {list.error && <Alert type="error" showIcon title={list.error} style={{ marginBottom: 16 }} />}
        <Table<MeasureView>
          rowKey="id"
          size="middle"
          loading={list.loading}
          columns={columns}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: '没有符合条件的执法措施' }}
          pagination={registerPagination({ page, pageSize, total: list.data?.total ?? 0, unit: '项', setPage, setPageSize })}
          scroll={{ x: 900 }}
        />
      </Card>
      {opening && (
        <MeasureForm onClose={() => setOpening(false)} onSaved={(m) => { setOpening(false); void navigate(`/enforcement/${encodeURIComponent(m.id)}`); }} />
      )}
    </>
  );
}

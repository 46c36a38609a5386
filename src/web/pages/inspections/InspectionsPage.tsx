import { Alert, Button, Card, Select, Space, Table, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { inspectionKindLabels, inspectionKindSchema, inspectionStateLabels, inspectionStateSchema } from '../../../shared/schemas/inspection';
import { mayList } from '../../access';
import { useRequest } from '../../api/use-request';
import { EnterpriseSelect } from '../../components/EnterpriseSelect';
import { useAccount } from '../../session/session';
import { inspectionApi } from './api';
import type { InspectionView } from './api';
import { PlanForm } from './PlanForm';
import { InspectionStateTag } from './tags';
import { registerPagination } from '../../components/register-pagination';

const kindOptions = inspectionKindSchema.options.map((value) => ({ value, label: inspectionKindLabels[value] }));
const stateOptions = inspectionStateSchema.options.map((value) => ({ value, label: inspectionStateLabels[value] }));

/** 检查台账: the inspections in the reader's scope, by planned day, newest first. */
export function Component() {
  const me = useAccount();
  const navigate = useNavigate();
  const mayPlan = mayList(me, 'inspection.manage');
  const [enterpriseId, setEnterpriseId] = useState<string>();
  const [territorialUnitId, setTown] = useState<string>();
  const [regulatingUnitId, setDepartment] = useState<string>();
  const [kind, setKind] = useState<string>();
  const [state, setState] = useState<string>();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [planning, setPlanning] = useState(false);

  const list = useRequest(
    () => inspectionApi.list({ enterpriseId, territorialUnitId, regulatingUnitId, kind, state, page, pageSize }),
    [enterpriseId, territorialUnitId, regulatingUnitId, kind, state, page, pageSize],
  );
  const units = useRequest(() => inspectionApi.units(), []);
  const unitName = new Map((units.data?.items ?? []).map((u) => [u.id, u.name]));
  const unitOptions = (category: string) => (units.data?.items ?? []).filter((u) => u.category === category).map((u) => ({ value: u.id, label: u.name }));
  const reset = <T,>(set: (v: T) => void) => (v: T) => { set(v); setPage(1); };

  const columns: TableProps<InspectionView>['columns'] = [
    { title: '计划日期', dataIndex: 'plannedOn', width: 110, render: (v: string, i) => <Link to={`/inspections/${encodeURIComponent(i.id)}`}>{v}</Link> },
    { title: '检查方式', dataIndex: 'kindLabel', width: 110 },
    {
      title: '生产经营单位', dataIndex: 'enterpriseName',
      render: (_: unknown, i) => (
        <Space orientation="vertical" size={0}>
          <Link to={`/inspections/${encodeURIComponent(i.id)}`}>{i.enterpriseName}</Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            属地：{unitName.get(i.territorialUnitId) ?? '—'}；监管：{unitName.get(i.regulatingUnitId) ?? '—'}
          </Typography.Text>
        </Space>
      ),
    },
    { title: '检查表', dataIndex: 'checklistSectorLabel', width: 120 },
    { title: '检查日期', dataIndex: 'inspectedOn', width: 110, render: (v: string | null) => v ?? '—' },
    { title: '检查人员', dataIndex: 'inspectors', width: 160, render: (v: string[], i) => (v.length > 0 ? v.join('、') : i.drawing ? `已抽取：${i.drawing.experts.map((e) => e.name).join('、')}` : '—') },
    { title: '状态', key: 'state', width: 150, render: (_: unknown, i) => <InspectionStateTag inspection={i} /> },
  ];

  return (
    <>
      <Typography.Title level={3} className="anke-page-title">检查台账</Typography.Title>
      <Typography.Paragraph type="secondary">
        执法检查和专家查隐患的计划与记录：专家查隐患先从专家库随机抽取专家（自动回避），检查记录中不符合的项目逐项建立隐患卡片。
      </Typography.Paragraph>
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <label>
            企业：
            <EnterpriseSelect aria-label="按企业筛选" allowClear placeholder="全部企业" style={{ width: 220 }} value={enterpriseId} onChange={reset(setEnterpriseId)} />
          </label>
          <label>
            属地镇街：
            <Select aria-label="按属地镇街筛选" allowClear showSearch={{ optionFilterProp: 'label' }} placeholder="全部" style={{ width: 150 }}
              options={unitOptions('territorial')} value={territorialUnitId} onChange={reset(setTown)} />
          </label>
          <label>
            监管部门：
            <Select aria-label="按监管部门筛选" allowClear showSearch={{ optionFilterProp: 'label' }} placeholder="全部" style={{ width: 170 }}
              options={unitOptions('department')} value={regulatingUnitId} onChange={reset(setDepartment)} />
          </label>
          <label>
            方式：
            <Select aria-label="按检查方式筛选" allowClear placeholder="全部" style={{ width: 130 }} options={kindOptions} value={kind} onChange={reset(setKind)} />
          </label>
          <label>
            状态：
            <Select aria-label="按状态筛选" allowClear placeholder="全部" style={{ width: 110 }} options={stateOptions} value={state} onChange={reset(setState)} />
          </label>
          {mayPlan && <Button type="primary" onClick={() => setPlanning(true)}>制定检查计划</Button>}
        </Space>
        {list.error && <Alert type="error" showIcon title={list.error} style={{ marginBottom: 16 }} />}
        <Table<InspectionView>
          rowKey="id"
          size="middle"
          loading={list.loading}
          columns={columns}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: '没有符合条件的检查' }}
          pagination={registerPagination({ page, pageSize, total: list.data?.total ?? 0, unit: '次', setPage, setPageSize })}
          scroll={{ x: 960 }}
        />
      </Card>
      {planning && (
        <PlanForm onClose={() => setPlanning(false)} onSaved={(i) => { setPlanning(false); void navigate(`/inspections/${encodeURIComponent(i.id)}`); }} />
      )}
    </>
  );
}

import { Alert, App, Button, Card, Checkbox, Select, Space, Table, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { HazardGrade, HazardState } from '../../../domain/ledgers/hazard/hazard-card';
import { hazardGradeLabels, hazardStateLabels, hazardStates } from '../../../shared/schemas/hazard';
import { mayList } from '../../access';
import { errorMessage } from '../../api/client';
import type { Query } from '../../api/client';
import { useRequest } from '../../api/use-request';
import { useAccount } from '../../session/session';
import { sectorOptions } from '../accidents/AccidentForm';
import { hazardApi } from './api';
import type { HazardView } from './api';
import { HazardForm } from './HazardForm';
import { EscalationTag, GradeTag, hazardNumber, OverdueTag, StateTag } from './tags';
import { registerPagination } from '../../components/register-pagination';

const gradeOptions = (['general', 'major'] as const).map((value) => ({ value, label: hazardGradeLabels[value] }));
const stateOptions = hazardStates.map((value) => ({ value, label: hazardStateLabels[value] }));

/** 隐患台账: every card in the reader's scope, filtered as the ledger is kept, with its Excel export. */
export function Component() {
  const me = useAccount();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const mayRecord = mayList(me, 'hazard.manage');
  const [town, setTown] = useState<string>();
  const [department, setDepartment] = useState<string>();
  const [sector, setSector] = useState<string>();
  const [grade, setGrade] = useState<HazardGrade>();
  const [state, setState] = useState<HazardState>();
  const [overdue, setOverdue] = useState(false);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [recording, setRecording] = useState(false);
  const [exporting, setExporting] = useState(false);

  const filters: Query = {
    territorialUnitId: town, regulatingUnitId: department, sector, grade, state, overdue: overdue ? 'true' : undefined,
  };
  const list = useRequest(() => hazardApi.list({ ...filters, page, pageSize }), [town, department, sector, grade, state, overdue, page, pageSize]);
  const units = useRequest(() => hazardApi.units(), []);
  const unitItems = units.data?.items ?? [];
  const towns = unitItems.filter((u) => u.category === 'territorial').map((u) => ({ value: u.id, label: u.name }));
  const departments = unitItems.filter((u) => u.category !== 'territorial').map((u) => ({ value: u.id, label: u.name }));
  const reset = <T,>(set: (v: T) => void) => (v: T) => { set(v); setPage(1); };

  const exportXlsx = async () => {
    setExporting(true);
    try {
      await hazardApi.exportXlsx(filters);
    } catch (failure) {
      message.error(errorMessage(failure));
    } finally {
      setExporting(false);
    }
  };

  const columns: TableProps<HazardView>['columns'] = [
    {
      title: '隐患编号', dataIndex: 'number', width: 140,
      render: (_: unknown, h) => <Link to={`/hazards/${encodeURIComponent(h.id)}`} style={{ whiteSpace: 'nowrap' }}>{hazardNumber(h)}</Link>,
    },
    {
      title: '企业', dataIndex: 'enterpriseName',
      render: (_: unknown, h) => (
        <Space orientation="vertical" size={0}>
          <span>{h.enterpriseName}</span>
          <Typography.Text type="secondary" ellipsis style={{ fontSize: 12, maxWidth: 260 }} title={h.description}>{h.description}</Typography.Text>
        </Space>
      ),
    },
    { title: '镇街', dataIndex: 'territorialUnitName', width: 110 },
    { title: '行业', dataIndex: 'sectorLabel', width: 90 },
    { title: '等级', dataIndex: 'grade', width: 90, render: (_: unknown, h) => <GradeTag grade={h.grade} /> },
    { title: '状态', dataIndex: 'state', width: 100, render: (_: unknown, h) => <StateTag state={h.state} /> },
    { title: '整改期限', dataIndex: 'rectificationDeadline', width: 110, render: (v: string | null) => <span style={{ whiteSpace: 'nowrap' }}>{v ?? '—'}</span> },
    { title: '逾期', key: 'overdue', width: 116, render: (_: unknown, h) => <OverdueTag hazard={h} /> },
    { title: '督办', key: 'escalation', width: 84, render: (_: unknown, h) => <EscalationTag hazard={h} /> },
  ];

  return (
    <>
      <Typography.Title level={3} className="anke-page-title">隐患台账</Typography.Title>
      <Typography.Paragraph type="secondary">
        一隐患一卡：每项隐患从发现、登记、定级、整改、验收到销号的全过程（安监总局令第16号）。超过整改期限未申请验收的隐患标为逾期，并按规定督办。
      </Typography.Paragraph>
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <label>
            镇街：
            <Select aria-label="按镇街筛选" allowClear showSearch={{ optionFilterProp: 'label' }} placeholder="全部镇街" style={{ width: 150 }}
              options={towns} value={town} onChange={reset(setTown)} />
          </label>
          <label>
            监管部门：
            <Select aria-label="按监管部门筛选" allowClear showSearch={{ optionFilterProp: 'label' }} placeholder="全部部门" style={{ width: 160 }}
              options={departments} value={department} onChange={reset(setDepartment)} />
          </label>
          <label>
            行业：
            <Select aria-label="按行业筛选" allowClear showSearch={{ optionFilterProp: 'label' }} placeholder="全部行业" style={{ width: 140 }}
              options={sectorOptions} value={sector} onChange={reset(setSector)} />
          </label>
          <label>
            等级：
            <Select aria-label="按等级筛选" allowClear placeholder="全部等级" style={{ width: 110 }} options={gradeOptions} value={grade} onChange={reset(setGrade)} />
          </label>
          <label>
            状态：
            <Select aria-label="按状态筛选" allowClear placeholder="全部状态" style={{ width: 120 }} options={stateOptions} value={state} onChange={reset(setState)} />
          </label>
          <Checkbox checked={overdue} onChange={(e) => reset(setOverdue)(e.target.checked)}>只看逾期</Checkbox>
          <Button loading={exporting} onClick={() => void exportXlsx()}>导出Excel</Button>
          {mayRecord && <Button type="primary" onClick={() => setRecording(true)}>录入隐患</Button>}
        </Space>
        {list.error && <Alert type="error" showIcon title={list.error} style={{ marginBottom: 16 }} />}
        <Table<HazardView>
          rowKey="id"
          size="middle"
          loading={list.loading}
          columns={columns}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: '没有符合条件的隐患' }}
          pagination={registerPagination({ page, pageSize, total: list.data?.total ?? 0, unit: '项', setPage, setPageSize })}
          scroll={{ x: 980 }}
        />
      </Card>
      {recording && (
        <HazardForm
          onClose={() => setRecording(false)}
          onSaved={(h) => { setRecording(false); navigate(`/hazards/${encodeURIComponent(h.id)}`); }}
        />
      )}
    </>
  );
}

import { Alert, Button, Select, Space, Table, Tag } from 'antd';
import type { TableProps } from 'antd';
import { useState } from 'react';
import { trainingRoleLabels, trainingRoleSchema } from '../../../shared/schemas/training';
import { useRequest } from '../../api/use-request';
import { EnterpriseSelect } from '../../components/EnterpriseSelect';
import { trainingApi } from './api';
import type { PersonView } from './api';
import { CertificateForm } from './CertificateForm';
import { PersonForm } from './PersonForm';
import { registerPagination } from '../../components/register-pagination';

const roleOptions = trainingRoleSchema.options.map((value) => ({ value, label: trainingRoleLabels[value] }));
const activeOptions = [{ value: 'true', label: '在岗' }, { value: 'false', label: '离岗' }];

/** 人员: the people enterprises must have certified, by enterprise, unit, role and on post. */
export function PersonsTab({ mayManage, unitOptions, onChanged }: { mayManage: boolean; unitOptions: { value: string; label: string }[]; onChanged: () => void }) {
  const [enterpriseId, setEnterpriseId] = useState<string>();
  const [unitId, setUnitId] = useState<string>();
  const [role, setRole] = useState<string>();
  const [active, setActive] = useState<string | undefined>('true');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [editing, setEditing] = useState<PersonView | 'new'>();
  const [certifying, setCertifying] = useState<PersonView>();
  const list = useRequest(() => trainingApi.persons({ enterpriseId, unitId, role, active, page, pageSize }), [enterpriseId, unitId, role, active, page, pageSize]);
  const reset = <T,>(set: (v: T) => void) => (v: T) => { set(v); setPage(1); };

  const columns: TableProps<PersonView>['columns'] = [
    { title: '姓名', dataIndex: 'name', width: 110 },
    { title: '人员类别', dataIndex: 'roleLabel', width: 150 },
    { title: '特种作业类别', dataIndex: 'operationType', width: 150, render: (v: string | null) => v ?? '—' },
    { title: '生产经营单位', dataIndex: 'enterpriseName' },
    { title: '识别号', dataIndex: 'identifier', width: 100, render: (v: string | null) => v ?? '—' },
    { title: '在岗', dataIndex: 'active', width: 80, render: (v: boolean) => (v ? <Tag color="green">在岗</Tag> : <Tag>离岗</Tag>) },
    ...(mayManage ? [{
      title: '操作', key: 'actions', width: 150,
      render: (_: unknown, p: PersonView) => (
        <Space size={0}>
          <Button type="link" size="small" aria-label={`修改${p.name}`} onClick={() => setEditing(p)}>修改</Button>
          {p.active && <Button type="link" size="small" aria-label={`为${p.name}登记证书`} onClick={() => setCertifying(p)}>登记证书</Button>}
        </Space>
      ),
    }] : []),
  ];

  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <label>
          企业：
          <EnterpriseSelect aria-label="按企业筛选人员" allowClear placeholder="全部企业" style={{ width: 220 }} value={enterpriseId} onChange={reset(setEnterpriseId)} />
        </label>
        <label>
          镇街或部门：
          <Select aria-label="按镇街或部门筛选人员" allowClear showSearch={{ optionFilterProp: 'label' }} placeholder="全部" style={{ width: 170 }}
            options={unitOptions} value={unitId} onChange={reset(setUnitId)} />
        </label>
        <label>
          类别：
          <Select aria-label="按人员类别筛选" allowClear placeholder="全部" style={{ width: 170 }} options={roleOptions} value={role} onChange={reset(setRole)} />
        </label>
        <label>
          在岗：
          <Select aria-label="按是否在岗筛选" allowClear placeholder="全部" style={{ width: 100 }} options={activeOptions} value={active} onChange={reset(setActive)} />
        </label>
        {mayManage && <Button type="primary" onClick={() => setEditing('new')}>登记人员</Button>}
      </Space>
      {list.error && <Alert type="error" showIcon title={list.error} style={{ marginBottom: 16 }} />}
      <Table<PersonView> rowKey="id" size="middle" loading={list.loading} columns={columns} dataSource={list.data?.items ?? []}
        locale={{ emptyText: '没有符合条件的人员' }} scroll={{ x: 900 }}
        pagination={registerPagination({ page, pageSize, total: list.data?.total ?? 0, unit: '人', setPage, setPageSize })} />
      {editing && (
        <PersonForm person={editing === 'new' ? undefined : editing} onClose={() => setEditing(undefined)}
          onSaved={() => { setEditing(undefined); list.reload(); onChanged(); }} />
      )}
      {certifying && <CertificateForm person={certifying} onClose={() => setCertifying(undefined)} onSaved={() => { setCertifying(undefined); onChanged(); }} />}
    </>
  );
}

import { Alert, Button, Card, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { enterpriseSizeLabels } from '../../../shared/schemas/enterprise';
import { mayList } from '../../access';
import { useRequest } from '../../api/use-request';
import { useAccount } from '../../session/session';
import { sectorOptions } from '../accidents/AccidentForm';
import { enterpriseApi } from './api';
import type { EnterpriseView } from './api';
import { EnterpriseForm } from './EnterpriseForm';
import { EnterpriseImport } from './EnterpriseImport';
import { LicenceTag } from './licence';
import { registerPagination } from '../../components/register-pagination';

/** 企业档案: the enterprises of the reader's scope, searched by name or code, town and sector. */
export function Component() {
  const me = useAccount();
  const navigate = useNavigate();
  const mayManage = mayList(me, 'enterprise.manage');
  const [q, setQ] = useState('');
  const [town, setTown] = useState<string>();
  const [sector, setSector] = useState<string>();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const [changes, setChanges] = useState(0);

  const list = useRequest(
    () => enterpriseApi.list({ q: q.trim() || undefined, territorialUnitId: town, sector, page, pageSize }),
    [q, town, sector, page, pageSize, changes],
  );
  const units = useRequest(() => enterpriseApi.units(), []);
  const towns = (units.data?.items ?? []).filter((u) => u.category === 'territorial').map((u) => ({ value: u.id, label: u.name }));
  const reset = <T,>(set: (v: T) => void) => (v: T) => { set(v); setPage(1); };

  const columns: TableProps<EnterpriseView>['columns'] = [
    {
      title: '单位名称', dataIndex: 'name',
      render: (_: unknown, e) => (
        <Space orientation="vertical" size={0}>
          <Link to={`/enterprises/${encodeURIComponent(e.id)}`}>{e.name}</Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{e.creditCode}</Typography.Text>
        </Space>
      ),
    },
    { title: '镇街', dataIndex: 'territorialUnitName', width: 130 },
    { title: '行业', dataIndex: 'sectorLabel', width: 110 },
    { title: '监管部门', dataIndex: 'regulatingUnitName', width: 130 },
    { title: '规模', dataIndex: 'size', width: 70, render: (v: EnterpriseView['size']) => enterpriseSizeLabels[v] },
    {
      title: '许可证', key: 'licences', width: 150,
      render: (_: unknown, e) => (e.licences.length === 0 ? <Tag>无</Tag> : <Space size={4} wrap>{e.licences.map((l) => <LicenceTag key={l.number} status={l.status} />)}</Space>),
    },
  ];

  return (
    <>
      <Typography.Title level={3} className="anke-page-title">企业档案</Typography.Title>
      <Typography.Paragraph type="secondary">
        一企一档：生产经营单位的基本情况、许可证，以及隐患、事故等全部记录的时间线。统一社会信用代码按 GB 32100-2015 校验。
      </Typography.Paragraph>
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <Input.Search aria-label="按名称或信用代码查找" allowClear placeholder="名称或信用代码" style={{ width: 220 }}
            onSearch={(v) => reset(setQ)(v)} />
          <label>
            镇街：
            <Select aria-label="按镇街筛选" allowClear showSearch={{ optionFilterProp: 'label' }} placeholder="全部镇街" style={{ width: 160 }}
              options={towns} value={town} onChange={reset(setTown)} />
          </label>
          <label>
            行业：
            <Select aria-label="按行业筛选" allowClear showSearch={{ optionFilterProp: 'label' }} placeholder="全部行业" style={{ width: 150 }}
              options={sectorOptions} value={sector} onChange={reset(setSector)} />
          </label>
          {mayManage && <Button type="primary" onClick={() => setCreating(true)}>登记企业</Button>}
          {mayManage && <Button onClick={() => setImporting(true)}>从表格导入</Button>}
        </Space>
        {list.error && <Alert type="error" showIcon title={list.error} style={{ marginBottom: 16 }} />}
        <Table<EnterpriseView>
          rowKey="id"
          size="middle"
          loading={list.loading}
          columns={columns}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: '没有符合条件的企业' }}
          pagination={registerPagination({ page, pageSize, total: list.data?.total ?? 0, unit: '家', setPage, setPageSize })}
          scroll={{ x: 860 }}
        />
      </Card>
      {creating && (
        <EnterpriseForm units={units.data?.items ?? []} onClose={() => setCreating(false)}
          onSaved={(e) => { setCreating(false); navigate(`/enterprises/${encodeURIComponent(e.id)}`); }} />
      )}
      {importing && <EnterpriseImport onClose={() => setImporting(false)} onImported={() => { setImporting(false); setChanges((n) => n + 1); }} />}
    </>
  );
}

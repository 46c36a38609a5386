import { Alert, Button, Space, Table } from 'antd';
import type { TableProps } from 'antd';
import { useState } from 'react';
import { useRequest } from '../../api/use-request';
import { EnterpriseSelect } from '../../components/EnterpriseSelect';
import { trainingApi } from './api';
import type { CertificateView } from './api';
import { CertificateForm } from './CertificateForm';
import { CertificateStatusTag } from './tags';
import { registerPagination } from '../../components/register-pagination';

/** 持证: certificates by expiry day, each with its status today (有效 / 即将到期 / 已过期 …). */
export function CertificatesTab({ mayManage, version, onChanged }: { mayManage: boolean; version: number; onChanged: () => void }) {
  const [enterpriseId, setEnterpriseId] = useState<string>();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [issuing, setIssuing] = useState(false);
  const list = useRequest(() => trainingApi.certificates({ enterpriseId, page, pageSize }), [enterpriseId, page, pageSize, version]);

  const columns: TableProps<CertificateView>['columns'] = [
    { title: '证书编号', dataIndex: 'number', width: 170 },
    { title: '持证人', dataIndex: 'personName', width: 100 },
    { title: '类别', key: 'role', width: 190, render: (_: unknown, c) => (c.operationType ? `${c.roleLabel}：${c.operationType}` : c.roleLabel) },
    { title: '生产经营单位', dataIndex: 'enterpriseName' },
    { title: '发证日期', dataIndex: 'issuedOn', width: 110 },
    { title: '有效期至', dataIndex: 'validUntil', width: 110 },
    { title: '状态', key: 'status', width: 100, render: (_: unknown, c) => <CertificateStatusTag certificate={c} /> },
  ];

  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <label>
          企业：
          <EnterpriseSelect aria-label="按企业筛选证书" allowClear placeholder="全部企业" style={{ width: 220 }} value={enterpriseId}
            onChange={(v) => { setEnterpriseId(v); setPage(1); }} />
        </label>
        {mayManage && <Button type="primary" onClick={() => setIssuing(true)}>登记证书</Button>}
      </Space>
      {list.error && <Alert type="error" showIcon title={list.error} style={{ marginBottom: 16 }} />}
      <Table<CertificateView> rowKey="id" size="middle" loading={list.loading} columns={columns} dataSource={list.data?.items ?? []}
        locale={{ emptyText: '没有符合条件的证书' }} scroll={{ x: 900 }}
        pagination={registerPagination({ page, pageSize, total: list.data?.total ?? 0, unit: '本', setPage, setPageSize })} />
      {issuing && <CertificateForm onClose={() => setIssuing(false)} onSaved={() => { setIssuing(false); list.reload(); onChanged(); }} />}
    </>
  );
}

import { Alert, Button, DatePicker, Space, Table } from 'antd';
import type { TableProps } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import type { AccountView } from '../../../shared/schemas/account';
import { useRequest } from '../../api/use-request';
import { trainingApi } from './api';
import type { SessionView } from './api';
import { SessionForm } from './SessionForm';
import { registerPagination } from '../../components/register-pagination';

/** 培训: the sessions held, newest first, by day. */
export function SessionsTab({ me, mayManage, unitName }: { me: AccountView; mayManage: boolean; unitName: (id: string | null) => string }) {
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const from = range?.[0]?.format('YYYY-MM-DD');
  const to = range?.[1]?.format('YYYY-MM-DD');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [recording, setRecording] = useState(false);
  const list = useRequest(
    () => trainingApi.sessions({ from, to, page, pageSize }), [from, to, page, pageSize],
  );

  const columns: TableProps<SessionView>['columns'] = [
    { title: '培训日期', dataIndex: 'heldOn', width: 110 },
    { title: '培训名称', dataIndex: 'title' },
    { title: '组织实施单位', dataIndex: 'organiser', width: 180 },
    { title: '举办单位', dataIndex: 'unitId', width: 140, render: (v: string | null) => unitName(v) },
    { title: '学时', dataIndex: 'hours', width: 70 },
    { title: '培训对象', dataIndex: 'roles', width: 260, render: (v: SessionView['roles']) => v.map((r) => r.label).join('、') },
  ];

  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <label>
          培训日期：
          <DatePicker.RangePicker aria-label="按培训日期筛选" value={range} onChange={(v) => { setRange(v); setPage(1); }} />
        </label>
        {mayManage && <Button type="primary" onClick={() => setRecording(true)}>登记培训</Button>}
      </Space>
      {list.error && <Alert type="error" showIcon title={list.error} style={{ marginBottom: 16 }} />}
      <Table<SessionView> rowKey="id" size="middle" loading={list.loading} columns={columns} dataSource={list.data?.items ?? []}
        locale={{ emptyText: '没有符合条件的培训' }} scroll={{ x: 900 }}
        pagination={registerPagination({ page, pageSize, total: list.data?.total ?? 0, unit: '次', setPage, setPageSize })} />
      {recording && <SessionForm me={me} onClose={() => setRecording(false)} onSaved={() => { setRecording(false); list.reload(); }} />}
    </>
  );
}

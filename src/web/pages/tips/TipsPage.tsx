import { Alert, Button, Card, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { tipChannelLabels, tipStageLabels, tipSubjectLabels } from '../../../shared/schemas/tip';
import { useRequest } from '../../api/use-request';
import { useAccount } from '../../session/session';
import { tipApi } from './api';
import type { TipView } from './api';
import { ReceiveTipForm } from './ReceiveTipForm';
import { ReplyStatusTag } from './tags';
import { registerPagination } from '../../components/register-pagination';

const channelOptions = Object.entries(tipChannelLabels).map(([value, label]) => ({ value, label }));
const stageOptions = Object.entries(tipStageLabels).map(([value, label]) => ({ value, label }));

/** 举报台账: the tips in the reader's scope, filtered by unit, channel, stage and overdue reply. */
export function Component() {
  const me = useAccount();
  const navigate = useNavigate();
  const office = me.role === 'committeeAdmin' || me.role === 'systemAdmin';
  const [unitId, setUnitId] = useState<string>();
  const [channel, setChannel] = useState<string>();
  const [stage, setStage] = useState<string>();
  const [overdue, setOverdue] = useState(false);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [receiving, setReceiving] = useState(false);
  const list = useRequest(
    () => tipApi.list({ assignedUnitId: unitId, channel, stage, replyOverdue: overdue ? 'true' : undefined, page, pageSize }),
    [unitId, channel, stage, overdue, page, pageSize],
  );
  const units = useRequest(() => (office ? tipApi.units() : Promise.resolve(null)), [office]);
  const unitNames = useMemo(() => new Map((units.data?.items ?? []).map((u) => [u.id, u.name])), [units.data]);
  const reset = <T,>(set: (v: T) => void) => (v: T) => { set(v); setPage(1); };

  const columns: TableProps<TipView>['columns'] = [
    { title: '受理日期', dataIndex: 'receivedOn', width: 104 },
    { title: '渠道', dataIndex: 'channelLabel', width: 90 },
    { title: '举报事项', dataIndex: 'subject', width: 170, render: (v: TipView['subject']) => tipSubjectLabels[v] },
    {
      title: '举报内容', dataIndex: 'description',
      render: (_: unknown, t) => (
        <Space orientation="vertical" size={0}>
          <Link to={`/tips/${encodeURIComponent(t.id)}`}>{t.description.length > 40 ? `${t.description.slice(0, 40)}…` : t.description}</Link>
          {t.anonymous && <Typography.Text type="secondary" style={{ fontSize: 12 }}>匿名举报</Typography.Text>}
        </Space>
      ),
    },
    ...(office ? [{ title: '负责核查单位', dataIndex: 'assignedUnitId', width: 150, render: (v: string | null) => (v ? unitNames.get(v) ?? '其他单位' : '未交办') }] : []),
    { title: '办理环节', dataIndex: 'stageLabel', width: 90, render: (v: string) => <Tag>{v}</Tag> },
    { title: '答复期限', dataIndex: 'replyDueOn', width: 104 },
    { title: '答复', key: 'reply', width: 110, render: (_: unknown, t) => <ReplyStatusTag status={t.replyStatus} /> },
  ];

  return (
    <>
      <Typography.Title level={3} className="anke-page-title">举报受理</Typography.Title>
      <Typography.Paragraph type="secondary">
        受理举报电话、网上举报和信件，交办负责单位核查，按期答复举报人，核查属实的按受理日适用的奖励办法核定奖励；重大事故隐患举报属实的同时建立隐患卡。举报人身份仅安委办可见。
      </Typography.Paragraph>
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          {office && (
            <label>
              负责单位：
              <Select aria-label="按负责单位筛选" allowClear showSearch={{ optionFilterProp: 'label' }} placeholder="全部单位" style={{ width: 180 }}
                options={(units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))} value={unitId} onChange={reset(setUnitId)} />
            </label>
          )}
          <label>
            渠道：
            <Select aria-label="按渠道筛选" allowClear placeholder="全部渠道" style={{ width: 120 }} options={channelOptions} value={channel} onChange={reset(setChannel)} />
          </label>
          <label>
            办理环节：
            <Select aria-label="按办理环节筛选" allowClear placeholder="全部" style={{ width: 110 }} options={stageOptions} value={stage} onChange={reset(setStage)} />
          </label>
          <label>
            <Switch aria-label="只看逾期未答复" size="small" checked={overdue} onChange={reset(setOverdue)} /> 只看逾期未答复
          </label>
          {office && <Button type="primary" onClick={() => setReceiving(true)}>受理举报</Button>}
        </Space>
        {list.error && <Alert type="error" showIcon title={list.error} style={{ marginBottom: 16 }} />}
        <Table<TipView>
          rowKey="id" size="middle" loading={list.loading} columns={columns} dataSource={list.data?.items ?? []}
          locale={{ emptyText: '没有符合条件的举报' }} scroll={{ x: 900 }}
          pagination={registerPagination({ page, pageSize, total: list.data?.total ?? 0, unit: '件', setPage, setPageSize })}
        />
      </Card>
      {receiving && <ReceiveTipForm onClose={() => setReceiving(false)} onSaved={(t) => { setReceiving(false); void navigate(`/tips/${encodeURIComponent(t.id)}`); }} />}
    </>
  );
}

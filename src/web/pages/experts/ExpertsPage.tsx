import { Alert, Button, Card, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useState } from 'react';
import { expertLevelLabels, expertLevels } from '../../../shared/schemas/expert';
import { mayList } from '../../access';
import { useRequest } from '../../api/use-request';
import { useEnterpriseNames } from '../../components/EnterpriseSelect';
import { useAccount } from '../../session/session';
import { expertApi } from './api';
import type { ExpertView } from './api';
import { employerText, periodsText } from './expert-form';
import { ExpertForm } from './ExpertForm';
import { registerPagination } from '../../components/register-pagination';

const levelOptions = expertLevels.map((value) => ({ value, label: expertLevelLabels[value] }));
const activeOptions = [{ value: 'true', label: '在库' }, { value: 'false', label: '已停用' }];

/** 专家库: the committee office's pool of experts for 专家查隐患, filtered and paged, by name. */
export function Component() {
  const me = useAccount();
  const mayManage = mayList(me, 'expert.manage');
  const [specialty, setSpecialty] = useState<string>();
  const [level, setLevel] = useState<string>();
  const [active, setActive] = useState<string>();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [editing, setEditing] = useState<ExpertView | 'new'>();

  const list = useRequest(() => expertApi.list({ specialty, level, active, page, pageSize }), [specialty, level, active, page, pageSize]);
  const items = list.data?.items ?? [];
  const names = useEnterpriseNames(items.flatMap((e) => [...e.formerEmployers.map((f) => f.enterpriseId), ...e.declaredTies.map((t) => t.enterpriseId)]));
  const reset = <T,>(set: (v: T) => void) => (v: T) => { set(v); setPage(1); };

  const columns: TableProps<ExpertView>['columns'] = [
    {
      title: '姓名', dataIndex: 'name', width: 130,
      render: (_: unknown, e) => (
        <Space orientation="vertical" size={0}>
          <Space size={4}>{e.name}{e.active ? <Tag color="green">在库</Tag> : <Tag>已停用</Tag>}</Space>
          {e.title && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{e.title}</Typography.Text>}
        </Space>
      ),
    },
    { title: '专业', dataIndex: 'specialties', width: 160, render: (v: string[]) => <Space size={[0, 4]} wrap>{v.map((s) => <Tag key={s}>{s}</Tag>)}</Space> },
    { title: '级别', dataIndex: 'levelLabel', width: 70 },
    { title: '现工作单位', key: 'employer', width: 170, render: (_: unknown, e) => employerText(e) },
    {
      title: '曾任职与利害关系', key: 'ties', width: 200,
      render: (_: unknown, e) => {
        const parts = [
          ...e.formerEmployers.map((f) => `曾任职：${names[f.enterpriseId] ?? '……'}（至${f.until}）`),
          ...e.declaredTies.map((t) => `${t.relation}：${names[t.enterpriseId] ?? '……'}`),
        ];
        return parts.length === 0 ? '—' : <Space orientation="vertical" size={0}>{parts.map((p) => <span key={p}>{p}</span>)}</Space>;
      },
    },
    {
      title: '不能参加的期间', dataIndex: 'unavailable', width: 190,
      render: (v: ExpertView['unavailable']) => (v.length === 0 ? '—' : <Space orientation="vertical" size={0}>{v.map((p) => <span key={`${p.from}${p.to}`}>{periodsText([p])}</span>)}</Space>),
    },
    ...(mayManage ? [{ title: '操作', key: 'edit', width: 70, render: (_: unknown, e: ExpertView) => <Button type="link" size="small" onClick={() => setEditing(e)}>修改</Button> }] : []),
  ];

  return (
    <>
      <Typography.Title level={3} className="anke-page-title">专家库</Typography.Title>
      <Typography.Paragraph type="secondary">
        专家查隐患时按专业和级别从专家库随机抽取；与被检查单位有任职、曾任职或申报利害关系的专家自动回避，停用或在不能参加期间内的专家不参加抽取。
      </Typography.Paragraph>
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <label>
            专业：
            <Input.Search aria-label="按专业筛选" allowClear placeholder="完整的专业名称" style={{ width: 200 }}
              onSearch={(v) => reset(setSpecialty)(v.trim() === '' ? undefined : v.trim())} />
          </label>
          <label>
            级别：
            <Select aria-label="按级别筛选" allowClear placeholder="全部级别" style={{ width: 120 }} options={levelOptions} value={level} onChange={reset(setLevel)} />
          </label>
          <label>
            状态：
            <Select aria-label="按是否在库筛选" allowClear placeholder="全部" style={{ width: 110 }} options={activeOptions} value={active} onChange={reset(setActive)} />
          </label>
          {mayManage && <Button type="primary" onClick={() => setEditing('new')}>专家入库</Button>}
        </Space>
        {list.error && <Alert type="error" showIcon title={list.error} style={{ marginBottom: 16 }} />}
        <Table<ExpertView>
          rowKey="id"
          size="middle"
          loading={list.loading}
          columns={columns}
          dataSource={items}
          locale={{ emptyText: '没有符合条件的专家' }}
          pagination={registerPagination({ page, pageSize, total: list.data?.total ?? 0, unit: '名', setPage, setPageSize })}
          scroll={{ x: 970 }}
        />
      </Card>
      {editing && (
        <ExpertForm expert={editing === 'new' ? undefined : editing} onClose={() => setEditing(undefined)}
          onSaved={() => { setEditing(undefined); list.reload(); }} />
      )}
    </>
  );
}

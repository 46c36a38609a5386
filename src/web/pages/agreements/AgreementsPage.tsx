import { Alert, App, Breadcrumb, Button, Card, Form, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { canList } from '../../../domain/access/can';
import { agreementStateLabels, agreementStates, type AgreementState } from '../../../domain/workflow/agreement-state';
import type { AgreementView } from '../../../shared/schemas/agreement';
import { errorMessage } from '../../api/client';
import { useRequest } from '../../api/use-request';
import { useAccount } from '../../session/session';
import { campaignApi } from '../campaigns/api';
import { AgreementDrawer } from './AgreementDrawer';
import { agreementApi } from './api';

export const agreementStateColours: Record<AgreementState, string> = {
  drafted: 'default',
  issued: 'processing',
  signed: 'success',
  archived: 'purple',
};

/** 责任书: each assessed unit's agreement in the campaign, its state, and the units not yet signed. */
export function Component() {
  const { id = '' } = useParams();
  const account = useAccount();
  const { message } = App.useApp();
  const [state, setState] = useState<AgreementState | undefined>();
  const [unitId, setUnitId] = useState<string | undefined>();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [open, setOpen] = useState<string | null>(null);
  const [drafting, setDrafting] = useState(false);
  const campaign = useRequest(() => campaignApi.get(id), [id]);
  const units = useRequest(() => campaignApi.units(id), [id]);
  const list = useRequest(() => agreementApi.list(id, { state, unitId, ...page }), [id, state, unitId, page.page, page.pageSize]);
  const unsigned = useRequest(() => agreementApi.unsigned(id), [id]);
  const office = account.role === 'committeeAdmin';
  const reload = () => { list.reload(); unsigned.reload(); };

  const draft = async () => {
    setDrafting(true);
    try {
      const result = await agreementApi.draft(id);
      void message.success(result.created > 0 ? `已起草 ${result.created} 份责任书` : '各单位均已有责任书，无需起草');
      reload();
    } catch (error) {
      void message.error(errorMessage(error));
    } finally {
      setDrafting(false);
    }
  };

  const c = campaign.data;
  const missing = unsigned.data;
  return (
    <>
      <Breadcrumb
        items={[
          { title: <Link to="/campaigns">考核活动</Link> },
          { title: c ? <Link to={`/campaigns/${encodeURIComponent(id)}`}>{c.name}</Link> : '考核活动' },
          { title: '责任书' },
        ]}
        style={{ marginBottom: 8 }}
      />
      <Typography.Title level={3} className="anke-page-title">责任书{c ? `（${c.year}年度）` : ''}</Typography.Title>
      {campaign.error && <Alert type="error" showIcon title={campaign.error} />}
      {list.error && <Alert type="error" showIcon title={list.error} style={{ marginBottom: 12 }} />}
      {missing && missing.total > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={`尚有 ${missing.total} 个单位未签订责任书`}
          description={`${missing.items.slice(0, 12).map((u) => `${u.name}（${u.stateLabel}）`).join('、')}${missing.total > 12 ? ` 等 ${missing.total} 个单位` : ''}`}
        />
      )}
      {missing && missing.total === 0 && (list.data?.total ?? 0) > 0 && (
        <Alert type="success" showIcon style={{ marginBottom: 12 }} title="各单位均已签订责任书" />
      )}
      <Card>
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12, justifyContent: 'space-between', marginBottom: 12 }}>
          <Form layout="inline" style={{ rowGap: 8 }}>
            <Form.Item label="状态" htmlFor="agreement-state-filter">
              <Select<AgreementState>
                id="agreement-state-filter"
                allowClear
                placeholder="全部状态"
                style={{ width: 140 }}
                value={state}
                onChange={(v) => { setState(v); setPage((p) => ({ ...p, page: 1 })); }}
                options={agreementStates.map((s) => ({ value: s, label: agreementStateLabels[s] }))}
              />
            </Form.Item>
            {canList({ accountId: account.id, role: account.role, organisationPath: '/', unitId: account.unitId, assignedUnitIds: [] }, 'unit.read') && (units.data?.items.length ?? 0) > 1 && (
              <Form.Item label="单位" htmlFor="agreement-unit-filter">
                <Select<string>
                  id="agreement-unit-filter"
                  allowClear
                  showSearch={{ optionFilterProp: 'label' }}
                  placeholder="全部单位"
                  style={{ width: 220 }}
                  value={unitId}
                  onChange={(v) => { setUnitId(v); setPage((p) => ({ ...p, page: 1 })); }}
                  options={(units.data?.items ?? []).map((u) => ({ value: u.unitId, label: u.name }))}
                />
              </Form.Item>
            )}
          </Form>
          {office && (
            <Button type="primary" loading={drafting} onClick={() => void draft()}>为未起草的单位起草责任书</Button>
          )}
        </div>
        <Table<AgreementView>
          rowKey="unitId"
          size="small"
          loading={list.loading}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: office ? '尚无责任书，请点击“为未起草的单位起草责任书”' : '暂无责任书' }}
          pagination={{
            current: page.page, pageSize: page.pageSize, total: list.data?.total ?? 0, showSizeChanger: true,
            showTotal: (total) => `共 ${total} 份`, onChange: (p, s) => setPage({ page: p, pageSize: s }),
          }}
          columns={[
            { title: '序号', dataIndex: 'sortOrder', width: 64 },
            { title: '单位', dataIndex: 'unitName', render: (name: string, a) => <a onClick={() => setOpen(a.unitId)}>{name}</a> },
            { title: '状态', dataIndex: 'state', width: 96, render: (s: AgreementState) => <Tag color={agreementStateColours[s]}>{agreementStateLabels[s]}</Tag> },
            { title: '控制指标', key: 'indicators', responsive: ['xl'], render: (_: unknown, a) => a.controlIndicators.map((i) => i.label).join('；') || '—' },
            { title: '签订日期', dataIndex: 'signedOn', width: 110, render: (v: string | null) => v ?? '—' },
            { title: '扫描件', key: 'scan', width: 80, render: (_: unknown, a) => (a.scannedFile ? '已上传' : '—') },
            {
              title: '操作', key: 'actions', width: 90,
              render: (_: unknown, a) => (
                <Space size="small">
                  <Button size="small" onClick={() => setOpen(a.unitId)} aria-label={`打开${a.unitName}的责任书`}>
                    {office && a.state === 'drafted' ? '编辑' : '查看'}
                  </Button>
                </Space>
              ),
            },
          ]}
        />
      </Card>
      {open && c && (
        <AgreementDrawer campaignId={id} year={c.year} unitId={open} onClose={() => setOpen(null)} onChanged={reload} />
      )}
    </>
  );
}

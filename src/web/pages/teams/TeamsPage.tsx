import { Alert, App, Breadcrumb, Button, Card, Col, Popconfirm, Result, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { campaignStateLabels, teamsChangeable } from '../../../domain/workflow/campaign-state';
import type { TeamView } from '../../../shared/schemas/team';
import { errorMessage } from '../../api/client';
import { useRequest } from '../../api/use-request';
import { useAccount } from '../../session/session';
import { campaignApi } from '../campaigns/api';
import { mayManageCampaigns } from '../campaigns/create/api';
import { teamsApi } from './api';
import { TeamFormModal } from './TeamFormModal';
import { TeamUnitsModal } from './TeamUnitsModal';
import { leaderProblem, leaderProblemText, maySeeAllTeams, teamMessage, unassignedUnits } from './teams-view';

/**
 * 考核组: the campaign's assessment teams with leader, members and units, and how many units no
 * team assesses yet. The office forms, changes, staffs and dissolves them while teams may change
 * (teamsChangeable); leaders read them. Assessors and liaisons see their own team where they
 * score or self-assess, not here.
 */
export function Component() {
  const account = useAccount();
  if (!maySeeAllTeams(account)) {
    return <Result status="403" title="无权查看考核组" subTitle="考核组由安委办组建和调整，领导可以查看。" extra={<Link to="/">返回首页</Link>} />;
  }
  return <TeamsPage />;
}

function TeamsPage() {
  const { id = '' } = useParams();
  const account = useAccount();
  const { message } = App.useApp();
  const campaign = useRequest(() => campaignApi.get(id), [id]);
  const units = useRequest(() => campaignApi.units(id), [id]);
  const teams = useRequest(() => teamsApi.list(id), [id]);
  const assessors = useRequest(() => teamsApi.assessors(), []);
  const [editing, setEditing] = useState<TeamView | 'new' | null>(null);
  const [assigning, setAssigning] = useState<TeamView | null>(null);
  const c = campaign.data;
  const manage = mayManageCampaigns(account) && c !== undefined && teamsChangeable(c.state);
  const list = teams.data?.items ?? [];
  const unitList = units.data?.items ?? [];
  const unassigned = useMemo(() => unassignedUnits(unitList, list), [unitList, list]);
  const disabledIds = useMemo(() => new Set((assessors.data ?? []).filter((a) => a.disabled).map((a) => a.id)), [assessors.data]);
  const leaderless = list.filter((t) => { const p = leaderProblem(t, disabledIds); return p === 'noLeader' || p === 'leaderDisabled'; });

  const remove = async (team: TeamView) => {
    try {
      await teamsApi.remove(id, team.id, team.version);
      message.success(`已撤销${team.name}`);
    } catch (failure) {
      message.error(teamMessage(errorMessage(failure)));
    }
    teams.reload();
  };

  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[
          { title: <Link to="/campaigns">考核活动</Link> },
          { title: <Link to={`/campaigns/${encodeURIComponent(id)}`}>{c?.name ?? '详情'}</Link> },
          { title: '考核组' },
        ]}
      />
      <Typography.Title level={3} className="anke-page-title">考核组</Typography.Title>
      {[campaign.error, units.error, teams.error].filter(Boolean).map((e) => <Alert key={e} type="error" showIcon title={e} style={{ marginBottom: 12 }} />)}
      <Row gutter={[16, 16]}>
        <Col xs={24} md={8}>
          <Card size="small"><Statistic title="考核组" value={list.length} suffix="个" loading={teams.loading && !teams.data} /></Card>
        </Col>
        <Col xs={24} md={8}>
          <Card size="small"><Statistic title="被考核单位" value={unitList.length} suffix="个" loading={units.loading && !units.data} /></Card>
        </Col>
        <Col xs={24} md={8}>
          <Card size="small" aria-label="未分配考核组的单位">
            <Statistic
              title="未分配考核组的单位"
              value={unassigned.length}
              suffix="个"
              loading={(teams.loading && !teams.data) || (units.loading && !units.data)}
              styles={{ content: { color: unassigned.length > 0 ? '#d46b08' : undefined } }}
            />
          </Card>
        </Col>
        {unassigned.length > 0 && (
          <Col xs={24}>
            <Alert
              type="warning"
              showIcon
              title={`尚有 ${unassigned.length} 个单位未分配考核组：${unassigned.map((u) => u.name).join('、')}`}
              description="未分配考核组的单位由分配给它的考核组成员账号评分。"
            />
          </Col>
        )}
        {leaderless.length > 0 && (
          <Col xs={24}>
            <Alert type="error" showIcon title={`${leaderless.map((t) => t.name).join('、')}没有可用的组长：组员评分无法确认为考核组评分，请指定组长。`} />
          </Col>
        )}
        {mayManageCampaigns(account) && c && !teamsChangeable(c.state) && (
          <Col xs={24}>
            <Alert type="info" showIcon title={`考核活动已处于“${campaignStateLabels[c.state]}”阶段，考核组不能再调整。`} />
          </Col>
        )}
        <Col xs={24}>
          <Card
            title="考核组名单"
            extra={manage && <Button type="primary" onClick={() => setEditing('new')} disabled={!assessors.data}>组建考核组</Button>}
          >
            {assessors.error && manage && <Alert type="error" showIcon title={assessors.error} style={{ marginBottom: 12 }} />}
            <Table<TeamView>
              rowKey="id"
              size="small"
              loading={teams.loading}
              dataSource={list}
              pagination={false}
              scroll={{ x: 720 }}
              locale={{ emptyText: '尚未组建考核组' }}
              columns={[
                { title: '考核组', dataIndex: 'name', width: 120 },
                {
                  title: '组长',
                  key: 'leader',
                  width: 170,
                  render: (_: unknown, t: TeamView) => {
                    const problem = leaderProblem(t, disabledIds);
                    return (
                      <Space orientation="vertical" size={2}>
                        {t.leaderName && <span>{t.leaderName}{disabledIds.has(t.leaderId ?? '') && <Tag color="red" style={{ marginLeft: 6 }}>已停用</Tag>}</span>}
                        {problem && (
                          <Typography.Text type={problem === 'noMembers' ? 'warning' : 'danger'} aria-label={`${t.name}组长提示`}>
                            {leaderProblemText[problem]}
                          </Typography.Text>
                        )}
                      </Space>
                    );
                  },
                },
                {
                  title: '组员',
                  key: 'members',
                  render: (_: unknown, t: TeamView) => (t.members.length === 0 ? <Typography.Text type="secondary">无</Typography.Text> : (
                    <Space size={[4, 4]} wrap>
                      {t.members.map((m) => (
                        <Tag key={m.accountId} color={disabledIds.has(m.accountId) ? 'red' : m.isLeader ? 'blue' : undefined}>
                          {m.displayName}{m.isLeader ? '（组长）' : ''}{disabledIds.has(m.accountId) ? '（已停用）' : ''}
                        </Tag>
                      ))}
                    </Space>
                  )),
                },
                {
                  title: '负责单位',
                  key: 'units',
                  render: (_: unknown, t: TeamView) => (t.units.length === 0 ? <Typography.Text type="secondary">未分配</Typography.Text> : (
                    <span aria-label={`${t.name}负责单位`}>{t.units.length} 个：{t.units.map((u) => u.name).join('、')}</span>
                  )),
                },
                ...(manage ? [{
                  title: '操作',
                  key: 'actions',
                  width: 112,
                  render: (_: unknown, t: TeamView) => (
                    // One under another, so the column stays narrow enough for 1024 px screens.
                    <Space orientation="vertical" size={4}>
                      <Button size="small" onClick={() => setEditing(t)} disabled={!assessors.data} aria-label={`修改${t.name}`}>修改</Button>
                      <Button size="small" onClick={() => setAssigning(t)} disabled={!units.data} aria-label={`分配${t.name}的负责单位`}>分配单位</Button>
                      <Popconfirm
                        title={`撤销${t.name}？`}
                        description="组员和负责单位随之解除；已确认的考核组评分保留在单位上。"
                        okText="撤销"
                        cancelText="取消"
                        okButtonProps={{ danger: true }}
                        onConfirm={() => remove(t)}
                      >
                        <Button size="small" danger aria-label={`撤销${t.name}`}>撤销</Button>
                      </Popconfirm>
                    </Space>
                  ),
                }] : []),
              ]}
            />
          </Card>
        </Col>
      </Row>
      {editing && (
        <TeamFormModal
          campaignId={id}
          team={editing === 'new' ? null : editing}
          assessors={assessors.data ?? []}
          onClose={() => setEditing(null)}
          onRefused={() => teams.reload()}
          onSaved={(saved) => { setEditing(null); message.success(`已保存${saved.name}`); teams.reload(); }}
        />
      )}
      {assigning && (
        <TeamUnitsModal
          campaignId={id}
          team={assigning}
          teams={list}
          units={unitList}
          onClose={() => setAssigning(null)}
          onRefused={() => teams.reload()}
          onSaved={(saved) => { setAssigning(null); message.success(`已保存${saved.name}的负责单位`); teams.reload(); }}
        />
      )}
    </>
  );
}

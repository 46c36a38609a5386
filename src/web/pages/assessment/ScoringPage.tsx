import { Alert, App, Breadcrumb, Button, Card, Descriptions, Form, Input, Modal, Skeleton, Space, Statistic, Table, Tabs, Tag, Tooltip, Typography } from 'antd';
import type { TableProps } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { beforeAssessment } from '../../../domain/workflow/campaign-state';
import { selfAssessmentStateLabels } from '../../../domain/workflow/self-assessment-state';
import { scoreResponseBodySchema } from '../../../shared/schemas/score';
import { ApiError, errorMessage } from '../../api/client';
import { useRequest } from '../../api/use-request';
import { zodRule } from '../../components/zod-rule';
import { useAccount } from '../../session/session';
import { campaignApi } from '../campaigns/api';
import type { UnitScores } from './api';
import { assessmentApi } from './api';
import { CriterionCell } from './CriterionCell';
import { Evidence } from './Evidence';
import { EntryText, NoteInput, ScoreInput } from './ItemEditor';
import { TeamConfirmPanel } from './TeamConfirmPanel';
import type { CriterionRow, Entry } from './items';
import { collectEntries, emptyEntry, entriesFrom, progressOf, runningTotals, showPoints, treeRows } from './items';

/** While the unit may confirm the team's scores or disagree (server: respond-to-scores.ts). */
const respondStates = new Set(['assessment', 'officeReview']);

/**
 * 考核评分: the team's score of each criterion beside the unit's own score and description,
 * deductions with their reasons, totals; then the unit's confirmation or disagreement,
 * which the unit's liaison gives here once every item is scored.
 */
export function Component() {
  const { id = '', unitId = '' } = useParams();
  const account = useAccount();
  const { message } = App.useApp();
  const campaign = useRequest(() => campaignApi.get(id), [id]);
  const units = useRequest(() => campaignApi.units(id), [id]);
  const criteria = useRequest(() => assessmentApi.criteria(id, unitId), [id, unitId]);
  const scores = useRequest(() => assessmentApi.scores(id, unitId), [id, unitId]);
  const [team, setTeam] = useState<Record<string, Entry>>({});
  const [dirty, setDirty] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [responding, setResponding] = useState<'confirmed' | 'disagreed' | null>(null);
  const [evidence, setEvidence] = useState<UnitScores['evidence']>({});
  const [tab, setTab] = useState('own');

  useEffect(() => {
    if (!criteria.data || !scores.data) return;
    // In a team of several members an assessor enters its own score; the leader confirms the team's.
    const own = scores.data.team?.scoring === 'members' && account.role === 'assessor'
      ? scores.data.members.find((m) => m.accountId === account.id) : undefined;
    setTeam(own
      ? entriesFrom(criteria.data, Object.fromEntries(Object.entries(own.items).map(([k, v]) => [k, { self: null, team: v }])), 'team')
      : entriesFrom(criteria.data, scores.data.items, 'team'));
    setEvidence(scores.data.evidence ?? {});
    setDirty(false);
    setProblems({});
  }, [criteria.data, scores.data, account]);

  const self = useMemo(() => (criteria.data && scores.data ? entriesFrom(criteria.data, scores.data.items, 'self') : {}), [criteria.data, scores.data]);
  const rows = useMemo(() => (criteria.data ? treeRows(criteria.data) : []), [criteria.data]);
  const groupKeys = useMemo(() => criteria.data?.items.filter((c) => !c.leaf).map((c) => c.id) ?? [], [criteria.data]);
  const selfTotals = useMemo(() => (criteria.data ? runningTotals(criteria.data, self) : null), [criteria.data, self]);
  const teamTotals = useMemo(() => (criteria.data ? runningTotals(criteria.data, team) : null), [criteria.data, team]);
  const progress = criteria.data ? progressOf(criteria.data, team) : { filled: 0, leaves: 0 };

  const c = campaign.data;
  const unitName = units.data?.items.find((u) => u.unitId === unitId)?.name ?? '被考核单位';
  const ownUnit = account.role === 'unitLiaison' && account.unitId === unitId;
  const scorer = account.role === 'assessor' || account.role === 'committeeAdmin' || account.role === 'systemAdmin';
  const editable = scorer && c?.state === 'assessment';
  // The unit sees the team's scores from assessment on (server: assessments/routes.ts).
  const teamHidden = ownUnit && !!c && beforeAssessment(c.state);
  const allScored = progress.leaves > 0 && progress.filled === progress.leaves && !dirty;
  const selfState = scores.data?.selfAssessmentState ?? 'draft';
  const memberScoring = account.role === 'assessor' && scores.data?.team?.scoring === 'members';
  // The leader of such a team confirms the team score (组长确认, server: teams/confirm-team-score.ts).
  const leads = memberScoring && scores.data?.team?.leaderId === account.id;
  const confirmation = scores.data?.team?.scoring === 'members' ? scores.data.team.confirmation : undefined;
  const confirmedTotal = useMemo(
    () => (criteria.data && scores.data && confirmation ? runningTotals(criteria.data, entriesFrom(criteria.data, scores.data.items, 'team')).total : null),
    [criteria.data, scores.data, confirmation],
  );

  const change = (itemId: string, entry: Entry) => {
    setTeam((all) => ({ ...all, [itemId]: entry }));
    setDirty(true);
    setProblems(({ [itemId]: _, ...rest }) => rest);
  };

  const fail = (error: unknown) => {
    setFailure(errorMessage(error));
    if (error instanceof ApiError && error.status === 409) {
      campaign.reload();
      scores.reload();
    }
  };

  const save = async () => {
    if (!criteria.data) return;
    const { problems: found, items } = collectEntries(criteria.data, team, true);
    setProblems(found);
    if (Object.keys(found).length > 0) {
      setFailure(`有 ${Object.keys(found).length} 项填写不完整，请按各项下方的提示修改。`);
      return;
    }
    if (Object.keys(items).length === 0) {
      setFailure('请至少填写一项考核得分。');
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      const saved: UnitScores = await assessmentApi.save(id, unitId, 'team', items);
      setTeam(entriesFrom(criteria.data, saved.items, 'team'));
      setDirty(false);
      message.success('考核评分已保存');
    } catch (error) {
      fail(error);
    } finally {
      setBusy(false);
    }
  };

  const teamEvidence = (row: CriterionRow, mayEdit: boolean) => (
    <Evidence
      campaignId={id} unitId={unitId} kind="team" criterion={row} files={evidence[row.id]?.team ?? []} editable={mayEdit}
      onChange={(files) => setEvidence((all) => ({ ...all, [row.id]: { self: all[row.id]?.self ?? [], team: files } }))}
    />
  );

  const columns: TableProps<CriterionRow>['columns'] = [
    { title: '编号', dataIndex: 'id', width: 96 },
    { title: '考核内容', key: 'name', render: (_: unknown, row) => <CriterionCell criterion={row} /> },
    { title: '标准分', dataIndex: 'points', width: 64, align: 'right', render: (v: number) => showPoints(v) },
    {
      title: '单位自评',
      key: 'self',
      width: 170,
      render: (_: unknown, row) => {
        if (!row.leaf) {
          const t = selfTotals?.byId.get(row.id);
          return <Typography.Text strong>{t?.notApplicable ? '缺项' : `小计 ${showPoints(t?.earned ?? 0)}`}</Typography.Text>;
        }
        const e = self[row.id] ?? emptyEntry;
        return (
          <div aria-label={`${row.id} ${row.name} 单位自评`}>
            <EntryText criterion={row} entry={e} />
            {e.note && <div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{e.note}</Typography.Text></div>}
            <Evidence campaignId={id} unitId={unitId} kind="self" criterion={row} files={evidence[row.id]?.self ?? []} editable={false} onChange={() => undefined} />
          </div>
        );
      },
    },
    {
      title: '考核组评分与扣分理由',
      key: 'team',
      width: 260,
      render: (_: unknown, row) => {
        if (!row.leaf) {
          const t = teamTotals?.byId.get(row.id);
          return <Typography.Text strong>{t?.notApplicable ? '缺项' : `小计 ${showPoints(t?.earned ?? 0)}`}</Typography.Text>;
        }
        const e = team[row.id] ?? emptyEntry;
        if (!editable) {
          return (
            <div aria-label={`${row.id} ${row.name} 考核组评分`}>
              {teamHidden ? <Typography.Text type="secondary">考核评分阶段公布</Typography.Text> : <EntryText criterion={row} entry={e} />}
              {e.note && <div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{e.notApplicable ? '缺项理由' : '理由'}：{e.note}</Typography.Text></div>}
              {teamEvidence(row, false)}
            </div>
          );
        }
        return (
          <Space orientation="vertical" size={4} style={{ width: '100%' }}>
            <ScoreInput criterion={row} entry={e} label="考核得分" onChange={(v) => change(row.id, v)} />
            <NoteInput criterion={row} entry={e} label="扣分理由" onChange={(v) => change(row.id, v)} />
            {problems[row.id] && <Typography.Text type="danger" role="alert">{problems[row.id]}</Typography.Text>}
            {teamEvidence(row, true)}
          </Space>
        );
      },
    },
  ];

  const scoringCard = (
    <Card
      title="逐项评分（单位自评与考核组评分对照）"
      extra={editable && <Button type="primary" onClick={() => void save()} loading={busy} disabled={!dirty}>保存评分</Button>}
    >
      <Table<CriterionRow>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={rows}
        pagination={false}
        expandable={{ expandedRowKeys: groupKeys, showExpandColumn: false }}
        tableLayout="fixed"
      />
    </Card>
  );

  const loadError = campaign.error ?? criteria.error ?? scores.error;
  const response = scores.data?.response ?? null;
  const mayRespond = ownUnit && !!c && respondStates.has(c.state);
  return (
    <>
      <Breadcrumb
        items={[
          { title: <Link to="/campaigns">考核活动</Link> },
          { title: <Link to={`/campaigns/${encodeURIComponent(id)}`}>{c?.name ?? '详情'}</Link> },
          ...(scorer ? [{ title: <Link to={`/campaigns/${encodeURIComponent(id)}/scoring`}>考核评分</Link> }] : []),
          { title: unitName },
        ]}
        style={{ marginBottom: 8 }}
      />
      <Typography.Title level={3} className="anke-page-title">考核评分：{unitName}</Typography.Title>
      {loadError && <Alert type="error" showIcon title={loadError} style={{ marginBottom: 16 }} />}
      {(!c || !criteria.data || !scores.data) && !loadError && <Skeleton active />}
      {c && criteria.data && scores.data && (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Card>
            <Space wrap size={32} align="start">
              <Descriptions size="small" column={1} style={{ minWidth: 260 }}>
                <Descriptions.Item label="考核活动">{c.name}</Descriptions.Item>
                <Descriptions.Item label="阶段">{c.stateLabel}</Descriptions.Item>
                <Descriptions.Item label="单位类别">{criteria.data.categoryName}</Descriptions.Item>
                <Descriptions.Item label="自评状态">{selfAssessmentStateLabels[selfState]}</Descriptions.Item>
                {confirmation !== undefined && (
                  <Descriptions.Item label="组长确认">
                    {scores.data.team?.officeScoredAt
                      ? '安委办已录入考核组评分'
                      : confirmation === null ? '尚未确认' : confirmation.outdated ? '组员已修改评分，须重新确认' : '已确认'}
                  </Descriptions.Item>
                )}
              </Descriptions>
              <Statistic title="单位自评合计" value={showPoints(selfTotals?.total ?? 0)} suffix={`/ ${showPoints(criteria.data.scale)} 分`} />
              <Statistic
                title={memberScoring ? '本人评分合计' : '考核组评分合计'} value={teamHidden ? '—' : showPoints(teamTotals?.total ?? 0)}
                suffix={`/ ${showPoints(criteria.data.scale)} 分`}
              />
              {memberScoring && confirmedTotal !== null && (
                <Statistic title="考核组确认合计" value={showPoints(confirmedTotal)} suffix={`/ ${showPoints(criteria.data.scale)} 分`} />
              )}
              <Statistic title={memberScoring ? '本人已评' : '考核组已评'} value={progress.filled} suffix={`/ ${progress.leaves} 项`} />
            </Space>
          </Card>
          {scorer && c.state !== 'assessment' && (
            <Alert type="info" showIcon title={`考核活动当前为“${c.stateLabel}”阶段，考核评分只能在考核评分阶段填报。`} />
          )}
          {memberScoring && (
            <Alert type="info" showIcon title={`本单位由${scores.data.team?.name ?? '考核组'}的组员分别评分：此处填报的是您本人的评分，由组长确认后作为考核组评分。`} />
          )}
          {failure && <Alert type="error" showIcon title={failure} closable={{ onClose: () => setFailure(null) }} role="alert" />}
          {leads ? (
            <Tabs
              activeKey={tab} onChange={setTab}
              items={[
                { key: 'own', label: '本人评分', children: scoringCard },
                {
                  key: 'confirm', label: '组长确认',
                  children: (
                    <TeamConfirmPanel
                      campaignId={id} unitId={unitId} criteria={criteria.data} scores={scores.data} editable={c.state === 'assessment'}
                      onConfirmed={() => { campaign.reload(); scores.reload(); }}
                    />
                  ),
                },
              ]}
            />
          ) : scoringCard}
          <Card title="单位确认">
            <Space orientation="vertical" style={{ width: '100%' }}>
              {response === null && <Typography.Text aria-label="单位确认状态">单位尚未确认考核组评分。</Typography.Text>}
              {response?.response === 'confirmed' && (
                <Space aria-label="单位确认状态"><Tag color="green">已确认</Tag><Typography.Text>单位于 {dayjs(response.respondedAt).format('YYYY-MM-DD HH:mm')} 确认考核组评分。</Typography.Text></Space>
              )}
              {response?.response === 'disagreed' && (
                <Space orientation="vertical" aria-label="单位确认状态">
                  <Space><Tag color="red">有异议</Tag><Typography.Text>单位于 {dayjs(response.respondedAt).format('YYYY-MM-DD HH:mm')} 提出异议。</Typography.Text></Space>
                  <Typography.Text>异议理由：{response.comment}</Typography.Text>
                </Space>
              )}
              {mayRespond && (
                <Space>
                  <Tooltip title={allScored ? undefined : '考核组完成全部评分后可确认'}>
                    <Button type="primary" disabled={!allScored} onClick={() => setResponding('confirmed')}>确认评分</Button>
                  </Tooltip>
                  <Tooltip title={allScored ? undefined : '考核组完成全部评分后可提出异议'}>
                    <Button danger disabled={!allScored} onClick={() => setResponding('disagreed')}>提出异议</Button>
                  </Tooltip>
                </Space>
              )}
            </Space>
          </Card>
        </Space>
      )}
      {responding && (
        <Respond
          kind={responding} unitName={unitName}
          onClose={() => setResponding(null)}
          onSubmit={async (comment) => {
            await assessmentApi.respond(id, unitId, responding, comment);
            message.success(responding === 'confirmed' ? '已确认考核组评分' : '异议已提交');
            setResponding(null);
            scores.reload();
          }}
        />
      )}
    </>
  );
}

function Respond({ kind, unitName, onClose, onSubmit }: {
  kind: 'confirmed' | 'disagreed'; unitName: string; onClose: () => void; onSubmit: (comment?: string) => Promise<void>;
}) {
  const [form] = Form.useForm<{ comment?: string }>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const ok = async () => {
    // A field the form refuses shows its message beside it; nothing is sent and nothing is left uncaught.
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setSaving(true);
    setError(null);
    try {
      await onSubmit(values.comment?.trim() || undefined);
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setSaving(false);
    }
  };
  const disagree = kind === 'disagreed';
  return (
    <Modal
      open title={disagree ? '对考核组评分提出异议' : '确认考核组评分'} okText={disagree ? '提交异议' : '确认'} cancelText="取消"
      onOk={() => void ok()} onCancel={onClose} confirmLoading={saving} destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
      <Typography.Paragraph>
        {disagree ? `请写明${unitName}对考核组评分的异议及理由，提交后由安委办处理。` : `${unitName}确认考核组的逐项评分。确认后予以记录。`}
      </Typography.Paragraph>
      <Form form={form} layout="vertical">
        <Form.Item
          label={disagree ? '异议理由' : '备注（可选）'} name="comment"
          rules={[disagree ? zodRule(scoreResponseBodySchema.shape.comment.unwrap().min(1, '请写明异议理由'), '请写明异议理由') : zodRule(scoreResponseBodySchema.shape.comment)]}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

import { Alert, App, Breadcrumb, Button, Card, Descriptions, Skeleton, Space, Statistic, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { selfAssessmentStateLabels } from '../../../domain/workflow/self-assessment-state';
import { ApiError, errorMessage } from '../../api/client';
import { useRequest } from '../../api/use-request';
import { useAccount } from '../../session/session';
import { campaignApi } from '../campaigns/api';
import type { UnitScores } from './api';
import { assessmentApi } from './api';
import { CriterionCell } from './CriterionCell';
import { Evidence } from './Evidence';
import { ReturnSelfAssessment } from './ReturnSelfAssessment';
import { EntryText, NoteInput, NotApplicableInput, ScoreInput } from './ItemEditor';
import type { CriterionRow, Entry } from './items';
import { collectEntries, emptyEntry, entriesFrom, progressOf, runningTotals, showPoints, treeRows } from './items';

const stateColours = { draft: 'default', submitted: 'green', returned: 'orange' } as const;
const scoringStates = new Set(['assessment', 'officeReview', 'committeeApproval', 'publicity', 'published']);

/**
 * 自评: the unit's liaison scores each criterion with a description, marks 缺项 where the
 * scheme allows it, saves and submits; a submitted self-assessment is locked until the
 * office returns it.
 */
export function Component() {
  const { id = '', unitId = '' } = useParams();
  const account = useAccount();
  const { message, modal } = App.useApp();
  const campaign = useRequest(() => campaignApi.get(id), [id]);
  const units = useRequest(() => campaignApi.units(id), [id]);
  const criteria = useRequest(() => assessmentApi.criteria(id, unitId), [id, unitId]);
  const scores = useRequest(() => assessmentApi.scores(id, unitId), [id, unitId]);
  const [entries, setEntries] = useState<Record<string, Entry>>({});
  const [dirty, setDirty] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [evidence, setEvidence] = useState<UnitScores['evidence']>({});
  const [returning, setReturning] = useState(false);
  /** Set when a refusal reloads the page: unsaved entries survive it while the self-assessment stays open. */
  const keepEdits = useRef(false);
  const dirtyNow = useRef(false);
  dirtyNow.current = dirty;

  useEffect(() => {
    if (!criteria.data || !scores.data) return;
    const keep = keepEdits.current && dirtyNow.current && scores.data.selfAssessmentState !== 'submitted';
    keepEdits.current = false;
    setEvidence(scores.data.evidence ?? {});
    if (keep) return;
    setEntries(entriesFrom(criteria.data, scores.data.items, 'self'));
    setDirty(false);
    setProblems({});
  }, [criteria.data, scores.data]);

  /** What is stored, shown whenever the page cannot be edited, so unsaved entries never pass for saved ones. */
  const stored = useMemo(
    () => (criteria.data && scores.data ? entriesFrom(criteria.data, scores.data.items, 'self') : {}),
    [criteria.data, scores.data],
  );

  const rows = useMemo(() => (criteria.data ? treeRows(criteria.data) : []), [criteria.data]);
  const groupKeys = useMemo(() => criteria.data?.items.filter((c) => !c.leaf).map((c) => c.id) ?? [], [criteria.data]);
  const c = campaign.data;
  const state = scores.data?.selfAssessmentState ?? 'draft';
  const unitName = units.data?.items.find((u) => u.unitId === unitId)?.name ?? '本单位';
  const ownUnit = account.role === 'unitLiaison' && account.unitId === unitId;
  const editable = ownUnit && c?.state === 'selfAssessment' && state !== 'submitted';
  const shown = editable ? entries : stored;
  const totals = useMemo(() => (criteria.data ? runningTotals(criteria.data, shown) : null), [criteria.data, shown]);
  const progress = criteria.data ? progressOf(criteria.data, shown) : { filled: 0, leaves: 0 };
  const mayReturn = (account.role === 'committeeAdmin' || account.role === 'systemAdmin') && c?.state === 'selfAssessment' && state === 'submitted';

  const change = (itemId: string, entry: Entry) => {
    setEntries((all) => ({ ...all, [itemId]: entry }));
    setDirty(true);
    setProblems(({ [itemId]: _, ...rest }) => rest);
  };

  /**
   * Any refusal may mean the page is out of date (submitted or returned elsewhere, the stage moved
   * on, the account's rights changed): the server's words are shown and the stored state reloaded.
   */
  const refresh = () => {
    keepEdits.current = true;
    campaign.reload();
    scores.reload();
  };
  const fail = (error: unknown) => {
    setFailure(errorMessage(error));
    refresh();
  };

  const save = async (): Promise<boolean> => {
    if (!criteria.data) return false;
    const { problems: found, items } = collectEntries(criteria.data, entries, false);
    setProblems(found);
    if (Object.keys(found).length > 0) {
      setFailure(`有 ${Object.keys(found).length} 项填写不完整，请按各项下方的提示修改。`);
      return false;
    }
    if (Object.keys(items).length === 0) {
      setFailure('请至少填写一项自评得分。');
      return false;
    }
    setBusy(true);
    setFailure(null);
    try {
      const saved = await assessmentApi.save(id, unitId, 'self', items);
      setEntries(entriesFrom(criteria.data, saved.items, 'self'));
      setDirty(false);
      message.success('自评已保存');
      return true;
    } catch (error) {
      fail(error);
      return false;
    } finally {
      setBusy(false);
    }
  };

  const submit = () => {
    const left = progress.leaves - progress.filled;
    modal.confirm({
      title: '提交自评',
      content: `${left > 0 ? `还有 ${left} 项未填写。` : ''}提交后自评即锁定，不能再修改；如需修改须由安委办退回。确定提交吗？`,
      okText: '提交',
      cancelText: '取消',
      onOk: async () => {
        if (dirty && !(await save())) return;
        setBusy(true);
        try {
          await assessmentApi.selfAssessment(id, unitId, 'submit');
          setFailure(null);
          message.success('自评已提交');
          scores.reload();
        } catch (error) {
          fail(error);
        } finally {
          setBusy(false);
        }
      },
    });
  };

  const returnIt = async (reason: string) => {
    try {
      await assessmentApi.selfAssessment(id, unitId, 'return', reason);
    } catch (error) {
      // A refused reason stays in the dialog to be corrected; any other refusal is about the page's state, shown on it.
      if (error instanceof ApiError && error.status === 400) {
        refresh();
        throw error;
      }
      fail(error);
      setReturning(false);
      return;
    }
    setReturning(false);
    setFailure(null);
    message.success('已退回');
    scores.reload();
  };

  const columns: TableProps<CriterionRow>['columns'] = [
    { title: '编号', dataIndex: 'id', width: 96 },
    { title: '考核内容', key: 'name', render: (_: unknown, row) => <CriterionCell criterion={row} /> },
    { title: '标准分', dataIndex: 'points', width: 70, align: 'right', render: (v: number) => showPoints(v) },
    {
      title: '自评得分',
      key: 'score',
      width: 160,
      render: (_: unknown, row) => {
        if (!row.leaf) {
          const t = totals?.byId.get(row.id);
          return <Typography.Text strong aria-label={`${row.id} ${row.name} 小计`}>{t?.notApplicable ? '缺项' : `小计 ${showPoints(t?.earned ?? 0)}`}</Typography.Text>;
        }
        const e = shown[row.id] ?? emptyEntry;
        return (
          <Space orientation="vertical" size={4}>
            {editable ? <ScoreInput criterion={row} entry={e} label="自评得分" onChange={(v) => change(row.id, v)} /> : <EntryText criterion={row} entry={e} />}
            {editable && <NotApplicableInput criterion={row} entry={e} onChange={(v) => change(row.id, v)} />}
          </Space>
        );
      },
    },
    {
      title: '自评说明',
      key: 'note',
      width: 240,
      render: (_: unknown, row) => {
        if (!row.leaf) return null;
        const e = shown[row.id] ?? emptyEntry;
        return (
          <>
            {editable ? <NoteInput criterion={row} entry={e} label="自评说明" onChange={(v) => change(row.id, v)} /> : <Typography.Text>{e.note || '—'}</Typography.Text>}
            {problems[row.id] && <Typography.Text type="danger" role="alert">{problems[row.id]}</Typography.Text>}
            <Evidence
              campaignId={id} unitId={unitId} kind="self" criterion={row} files={evidence[row.id]?.self ?? []} editable={editable}
              onChange={(files) => setEvidence((all) => ({ ...all, [row.id]: { self: files, team: all[row.id]?.team ?? [] } }))}
              onRefused={fail}
            />
          </>
        );
      },
    },
  ];

  const loadError = campaign.error ?? criteria.error ?? scores.error;
  return (
    <>
      <Breadcrumb
        items={[
          { title: <Link to="/campaigns">考核活动</Link> },
          { title: <Link to={`/campaigns/${encodeURIComponent(id)}`}>{c?.name ?? '详情'}</Link> },
          { title: '自评' },
        ]}
        style={{ marginBottom: 8 }}
      />
      <Typography.Title level={3} className="anke-page-title">自评：{unitName}</Typography.Title>
      {loadError && <Alert type="error" showIcon title={loadError} style={{ marginBottom: 16 }} />}
      {(!c || !criteria.data || !scores.data) && !loadError && <Skeleton active />}
      {c && criteria.data && scores.data && (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Card>
            <Space wrap size={32} align="start">
              <Descriptions size="small" column={1} style={{ minWidth: 280 }}>
                <Descriptions.Item label="考核活动">{c.name}</Descriptions.Item>
                <Descriptions.Item label="单位类别">{criteria.data.categoryName}</Descriptions.Item>
                <Descriptions.Item label="自评状态"><Tag color={stateColours[state]}>{selfAssessmentStateLabels[state]}</Tag></Descriptions.Item>
                <Descriptions.Item label="自评截止">{c.selfAssessmentDue ?? '未设置'}</Descriptions.Item>
              </Descriptions>
              <Statistic title="自评合计" value={showPoints(totals?.total ?? 0)} suffix={`/ ${showPoints(criteria.data.scale)} 分`} />
              <Statistic title="已填写" value={progress.filled} suffix={`/ ${progress.leaves} 项`} />
            </Space>
          </Card>
          {state === 'returned' && (
            <Alert
              type="warning" showIcon title={ownUnit ? '安委办已退回自评：请修改后重新提交。' : '自评已退回，待单位修改后重新提交。'}
              description={scores.data.selfAssessmentReturn && (
                <span data-testid="return-reason">
                  退回原因：{scores.data.selfAssessmentReturn.reason}（{dayjs(scores.data.selfAssessmentReturn.returnedAt).format('YYYY-MM-DD HH:mm')}）
                </span>
              )}
            />
          )}
          {state === 'submitted' && (
            <Alert type="success" showIcon title={ownUnit ? '自评已提交并锁定，不能再修改；如需修改请联系安委办退回。' : '自评已提交并锁定。'} />
          )}
          {ownUnit && c.state !== 'selfAssessment' && state !== 'submitted' && (
            <Alert type="info" showIcon title={`考核活动当前为“${c.stateLabel}”阶段，不在自评阶段，自评不能填报。`} />
          )}
          {ownUnit && scoringStates.has(c.state) && (
            <Alert
              type="info" showIcon title="考核组评分结果可在评分页面查看，并确认或提出异议。"
              action={<Link to={`/campaigns/${encodeURIComponent(id)}/scoring/${encodeURIComponent(unitId)}`}>查看考核组评分</Link>}
            />
          )}
          {failure && <Alert type="error" showIcon title={failure} closable={{ onClose: () => setFailure(null) }} role="alert" />}
          <Card
            title="考核细则"
            extra={(editable || mayReturn) && (
              <Space>
                {editable && <Button onClick={() => void save()} loading={busy} disabled={!dirty}>保存</Button>}
                {editable && <Button type="primary" onClick={submit} disabled={busy}>提交自评</Button>}
                {mayReturn && <Button danger onClick={() => setReturning(true)}>退回自评</Button>}
              </Space>
            )}
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
        </Space>
      )}
      {returning && <ReturnSelfAssessment unitName={unitName} onClose={() => setReturning(false)} onSubmit={returnIt} />}
    </>
  );
}

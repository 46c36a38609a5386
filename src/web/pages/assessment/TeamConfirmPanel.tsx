import { Alert, App, Button, Card, Input, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import type { UnitCriteria, UnitCriterion } from '../../../shared/schemas/criteria';
import { ApiError, errorMessage } from '../../api/client';
import type { UnitScores } from './api';
import { assessmentApi } from './api';
import { EntryText, NoteInput, ScoreInput } from './ItemEditor';
import { emptyEntry, entriesFrom, entryFrom, runningTotals, showPoints } from './items';
import type { Choice, MemberScores } from './team-confirm';
import { chosenEntries, compareChoice, confirmableLeaves, confirmationBody, initialChoices, meanText, refusalOf } from './team-confirm';

interface Props {
  campaignId: string;
  unitId: string;
  criteria: UnitCriteria;
  scores: UnitScores;
  /** the campaign is in 考核评分 and the signed-in assessor leads the unit's team */
  editable: boolean;
  onConfirmed: () => void;
}

const OWN = 'own';

/**
 * 组长确认: the leader of a team whose members score separately confirms the unit's team
 * score, criterion by criterion taking a member's score or entering one, with a reason where
 * it differs from the members' mean (the server's rule, teams/confirm-team-score.ts).
 */
export function TeamConfirmPanel({ campaignId, unitId, criteria, scores, editable, onConfirmed }: Props) {
  const { message } = App.useApp();
  const team = scores.team!;
  const confirmation = team.confirmation;
  const members: MemberScores[] = scores.members;
  const confirmed = useMemo(
    () => (confirmation ? Object.fromEntries(Object.entries(scores.items).map(([k, v]) => [k, v.team])) : null),
    [confirmation, scores.items],
  );
  const [choices, setChoices] = useState<Record<string, Choice>>({});
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    setChoices(initialChoices(criteria, members, confirmed));
    setReasons(confirmation?.reasons ?? {});
    setProblems({});
  }, [criteria, members, confirmed, confirmation]);

  const rows = useMemo(() => confirmableLeaves(criteria), [criteria]);
  const memberTotals = useMemo(() => members.map((m) => runningTotals(
    criteria, entriesFrom(criteria, Object.fromEntries(Object.entries(m.items).map(([k, v]) => [k, { self: null, team: v }])), 'team'),
  ).total), [criteria, members]);
  const teamTotal = runningTotals(criteria, chosenEntries(criteria, members, choices)).total;

  const choose = (id: string, choice: Choice) => {
    setChoices((all) => ({ ...all, [id]: choice }));
    setProblems(({ [id]: _, ...rest }) => rest);
  };

  const submit = async () => {
    const { problems: found, body } = confirmationBody(criteria, members, choices, reasons, confirmation?.version ?? 0);
    setProblems(found);
    if (Object.keys(found).length > 0) {
      setFailure(`有 ${Object.keys(found).length} 项尚不能确认，请按各项下方的提示处理。`);
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      await assessmentApi.confirmTeam(campaignId, team.teamId, unitId, body);
      message.success('考核组评分已确认');
      onConfirmed();
    } catch (error) {
      const { text, criterionId } = refusalOf(errorMessage(error));
      setFailure(text);
      if (criterionId) setProblems({ [criterionId]: text });
      if (error instanceof ApiError && error.status === 409) onConfirmed();
    } finally {
      setBusy(false);
    }
  };

  const memberColumns: TableProps<UnitCriterion>['columns'] = members.map((m) => ({
    title: m.displayName,
    key: `member-${m.accountId}`,
    width: 120,
    render: (_: unknown, c: UnitCriterion) => {
      const e = entryFrom(m.items[c.id] ?? null);
      return (
        <div aria-label={`${c.id} ${c.name} ${m.displayName}评分`}>
          <EntryText criterion={c} entry={e} />
          {e.note && <div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{e.note}</Typography.Text></div>}
        </div>
      );
    },
  }));

  const columns: TableProps<UnitCriterion>['columns'] = [
    { title: '编号', dataIndex: 'id', width: 64 },
    {
      title: '考核内容',
      key: 'name',
      render: (_: unknown, c) => (
        <div>
          <div>{c.name}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>标准分 {showPoints(c.points)}</Typography.Text>
        </div>
      ),
    },
    ...memberColumns,
    {
      title: '组员平均分',
      key: 'mean',
      width: 88,
      align: 'right',
      render: (_: unknown, c) => <span aria-label={`${c.id} ${c.name} 组员平均分`}>{meanText(compareChoice(c, members, choices[c.id]).mean)}</span>,
    },
    {
      title: '考核组评分',
      key: 'choice',
      width: 230,
      render: (_: unknown, c) => {
        const choice = choices[c.id];
        const compared = compareChoice(c, members, choice);
        if (!editable) {
          return (
            <div aria-label={`${c.id} ${c.name} 确认得分`}>
              <EntryText criterion={c} entry={chosenEntries(criteria, members, choices)[c.id] ?? emptyEntry} />
            </div>
          );
        }
        const options = [
          ...members.filter((m) => m.items[c.id] !== undefined).map((m) => ({ value: `member:${m.accountId}`, label: `采用${m.displayName}的评分` })),
          { value: OWN, label: '组长录入' },
        ];
        const own = choice?.kind === 'own' ? choice.entry : undefined;
        return (
          <Space orientation="vertical" size={4} style={{ width: '100%' }}>
            <Select
              aria-label={`${c.id} ${c.name} 采用评分`} placeholder="采用某组员评分或组长录入" options={options} style={{ width: '100%' }}
              value={choice ? (choice.kind === 'own' ? OWN : `member:${choice.accountId}`) : undefined}
              onChange={(v: string) => choose(c.id, v === OWN
                ? { kind: 'own', entry: own ?? { ...emptyEntry } }
                : { kind: 'member', accountId: v.slice('member:'.length) })}
            />
            {own && (
              <>
                <ScoreInput criterion={c} entry={own} label="组长评分" onChange={(entry) => choose(c.id, { kind: 'own', entry })} />
                <NoteInput criterion={c} entry={own} label="扣分理由" onChange={(entry) => choose(c.id, { kind: 'own', entry })} />
              </>
            )}
            {compared.confirmed !== null && <Typography.Text type="secondary">确认得分 {meanText(compared.confirmed)}</Typography.Text>}
          </Space>
        );
      },
    },
    {
      title: '与平均分不同的理由',
      key: 'reason',
      width: 210,
      render: (_: unknown, c) => {
        const compared = compareChoice(c, members, choices[c.id]);
        const label = `${c.id} ${c.name} 与平均分不同的理由`;
        return (
          <Space orientation="vertical" size={4} style={{ width: '100%' }}>
            {!editable && <span aria-label={label}>{reasons[c.id] ?? (compared.differs ? '' : '—')}</span>}
            {editable && compared.differs && (
              <Input.TextArea
                aria-label={label} placeholder="确认得分与组员平均分不同，须写明理由" autoSize={{ minRows: 2, maxRows: 5 }} maxLength={500}
                value={reasons[c.id] ?? ''}
                onChange={(ev) => {
                  const value = ev.target.value;
                  setReasons((all) => ({ ...all, [c.id]: value }));
                  setProblems(({ [c.id]: _, ...rest }) => rest);
                }}
              />
            )}
            {editable && !compared.differs && choices[c.id] && <Typography.Text type="secondary">与平均分相同，无需理由</Typography.Text>}
            {problems[c.id] && <Typography.Text type="danger" role="alert">{problems[c.id]}</Typography.Text>}
          </Space>
        );
      },
    },
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <Space wrap size={32} align="start">
          <Space orientation="vertical" size={4} aria-label="组长确认状态">
            <Typography.Text type="secondary">组长确认</Typography.Text>
            {team.officeScoredAt ? (
              <>
                <Tag color="blue">安委办已录入考核组评分</Tag>
                <Typography.Text type="secondary">{dayjs(team.officeScoredAt).format('YYYY-MM-DD HH:mm')} 录入</Typography.Text>
              </>
            ) : (
              <>
                {!confirmation && <Tag>尚未确认</Tag>}
                {confirmation && confirmation.outdated && <Tag color="orange">组员已修改评分，须重新确认</Tag>}
                {confirmation && !confirmation.outdated && <Tag color="green">已确认</Tag>}
                {confirmation && <Typography.Text type="secondary">{dayjs(confirmation.confirmedAt).format('YYYY-MM-DD HH:mm')} 确认</Typography.Text>}
              </>
            )}
          </Space>
          {members.map((m, i) => (
            <Statistic key={m.accountId} title={`${m.displayName}评分合计`} value={showPoints(memberTotals[i] ?? 0)} suffix={`/ ${showPoints(criteria.scale)} 分`} />
          ))}
          <Statistic title={confirmation && !editable ? '考核组确认合计' : '按所选评分合计'} value={showPoints(teamTotal)} suffix={`/ ${showPoints(criteria.scale)} 分`} />
        </Space>
      </Card>
      {!confirmation && !team.officeScoredAt && <Alert type="info" showIcon title="组长确认前，本单位按考核组未评分计；确认后，所选评分即为考核组评分，计入考核结果。" />}
      {team.officeScoredAt && <Alert type="info" showIcon title="安委办已直接录入或导入本单位的考核组评分，计入考核结果；组长再次确认时，以确认的评分为准。" />}
      {failure && <Alert type="error" showIcon title={failure} closable={{ onClose: () => setFailure(null) }} role="alert" />}
      <Card
        title="逐项确认考核组评分"
        extra={editable && <Button type="primary" onClick={() => void submit()} loading={busy}>确认考核组评分</Button>}
      >
        <Table<UnitCriterion> rowKey="id" size="small" columns={columns} dataSource={rows} pagination={false} tableLayout="fixed" />
      </Card>
    </Space>
  );
}

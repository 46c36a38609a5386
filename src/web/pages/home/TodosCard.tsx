import { Card, List, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useRequest } from '../../api/use-request';
import { chinaTimeText } from '../../china-time';
import { homeApi, type Todo } from './api';
import { CardState } from './CardState';

const c = (id: string) => `/campaigns/${encodeURIComponent(id)}`;

/** The page where a to-do is done. */
export function todoLink(todo: Todo): { to: string; text: string } {
  switch (todo.kind) {
    case 'submitMonthlyReport': return { to: '/monthly-reports', text: '去报送' };
    case 'submitSelfAssessment': return todo.unitIds[0]
      ? { to: `${c(todo.campaignId)}/self-assessment/${encodeURIComponent(todo.unitIds[0])}`, text: '去自评' }
      : { to: '/self-assessment', text: '去自评' };
    case 'scoreUnits': return { to: `${c(todo.campaignId)}/scoring`, text: '去评分' };
    case 'reviewPublicity': return { to: `${c(todo.campaignId)}/approval`, text: '去查看' };
    case 'nameTeamLeader': return { to: `${c(todo.campaignId)}/teams`, text: '去指定' };
    case 'decideVeto': return { to: '/accidents', text: '去处理' };
    case 'answerObjection': return { to: `${c(todo.campaignId)}/approval`, text: '去答复' };
    case 'reviseForObjection': return { to: `${c(todo.campaignId)}/approval`, text: '去退回' };
    case 'publish': return { to: `${c(todo.campaignId)}/approval`, text: '去发布' };
  }
}

const reminderTags = { overdue: <Tag color="red">已逾期</Tag>, dueSoon: <Tag color="orange">即将到期</Tag> } as const;

/** 待办与提醒: what awaits the user's action, with its deadline and the page to act on. */
export function TodosCard() {
  const state = useRequest(() => homeApi.todos(), []);
  return (
    <Card title="待办与提醒" data-testid="todos">
      <CardState {...state}>
        {(data) => (
          <List
            size="small"
            dataSource={data.items}
            locale={{ emptyText: '暂无待办事项' }}
            renderItem={(todo) => {
              const link = todoLink(todo);
              return (
                <List.Item actions={[<Link key="go" to={link.to}>{link.text}</Link>]}>
                  <List.Item.Meta
                    title={<span>{todo.reminder && reminderTags[todo.reminder]}{todo.title}</span>}
                    description={<Typography.Text type="secondary">{todo.campaignName}{todo.due ? `，截止 ${chinaTimeText(todo.due)}` : ''}</Typography.Text>}
                  />
                </List.Item>
              );
            }}
          />
        )}
      </CardState>
    </Card>
  );
}

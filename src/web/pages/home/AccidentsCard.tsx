import { Card, Divider, List, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router';
import type { CampaignView } from '../../../shared/schemas/campaign';
import { useRequest } from '../../api/use-request';
import { homeApi } from './api';
import { CardState } from './CardState';

const gradeColours: Record<string, string> = { general: 'default', larger: 'orange', major: 'red', especiallyMajor: 'magenta' };

/** 事故与否决: the latest accidents of the campaign's year and its veto proposals still undecided. */
export function AccidentsCard({ campaign }: { campaign: CampaignView }) {
  const state = useRequest(async () => {
    const [accidents, proposals] = await Promise.all([homeApi.accidents(campaign.year), homeApi.vetoProposals(campaign.id)]);
    return { accidents, open: proposals.items.filter((p) => p.decision === 'pending') };
  }, [campaign.id, campaign.year]);
  return (
    <Card title="近期事故与否决建议" extra={<Link to="/accidents">事故登记</Link>} data-testid="accidents">
      <CardState {...state}>
        {({ accidents, open }) => (
          <>
            <Typography.Text type="secondary">{campaign.year} 年共登记事故 {accidents.total} 起</Typography.Text>
            <List
              size="small"
              dataSource={accidents.items}
              locale={{ emptyText: '本年度暂无事故' }}
              renderItem={(a) => (
                <List.Item extra={<Typography.Text type="secondary">{dayjs(a.occurredAt).format('YYYY-MM-DD')}</Typography.Text>}>
                  <span><Tag color={gradeColours[a.grade] ?? 'default'}>{a.gradeLabel}</Tag>{a.place ?? a.enterprise ?? '未填地点'}，死亡 {a.deaths} 人</span>
                </List.Item>
              )}
            />
            <Divider style={{ margin: '8px 0' }} />
            <Typography.Text strong>未决的一票否决建议（{open.length}）</Typography.Text>
            <List
              size="small"
              dataSource={open}
              locale={{ emptyText: '暂无待处理的否决建议' }}
              renderItem={(p) => <List.Item><span><Tag color="red">待处理</Tag>{p.unitName}：{p.reason}</span></List.Item>}
            />
          </>
        )}
      </CardState>
    </Card>
  );
}

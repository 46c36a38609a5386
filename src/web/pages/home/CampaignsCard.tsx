import { Card, Empty, List, Tag } from 'antd';
import { Link } from 'react-router';
import type { CampaignView } from '../../../shared/schemas/campaign';
import { stateColours } from '../campaigns/state';

/** Every campaign the user sees, with its state. */
export function CampaignsCard({ items }: { items: readonly CampaignView[] }) {
  return (
    <Card title="考核活动" extra={<Link to="/campaigns">全部考核活动</Link>}>
      {items.length === 0 ? <Empty description="暂无考核活动" /> : (
        <List
          size="small"
          dataSource={[...items].sort((a, b) => b.year - a.year)}
          renderItem={(c) => (
            <List.Item extra={<Tag color={stateColours[c.state]}>{c.stateLabel}</Tag>}>
              <Link to={`/campaigns/${encodeURIComponent(c.id)}`}>{c.name}</Link>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

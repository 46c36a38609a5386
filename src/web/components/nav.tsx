import { AlertOutlined, AuditOutlined, ApartmentOutlined, CalendarOutlined, FlagOutlined, HomeOutlined, TeamOutlined } from '@ant-design/icons';
import { FileProtectOutlined } from '@ant-design/icons';
import { BankOutlined, EditOutlined, FormOutlined, PhoneOutlined, SafetyOutlined, WarningOutlined } from '@ant-design/icons';
import type { MenuProps } from 'antd';
import { FileSearchOutlined, ReadOutlined, RocketOutlined, SolutionOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { AccountView } from '../../shared/schemas/account';
import { mayList } from '../access';

export interface NavItem {
  path: string;
  label: string;
  icon: ReactNode;
  allowed: (account: AccountView) => boolean;
  /** The menu group the entry is shown under, if any. */
  group?: string;
}

/** Every page of the app; an entry appears in the menu only for the roles that may use it. */
export const navItems: readonly NavItem[] = [
  { path: '/', label: '首页', icon: <HomeOutlined />, allowed: () => true },
  {
    path: '/organisation',
    label: '单位与组织',
    icon: <ApartmentOutlined />,
    allowed: (a) => mayList(a, 'unit.read') || mayList(a, 'organisation.read'),
  },
  { path: '/campaigns', label: '考核活动', icon: <FlagOutlined />, allowed: (a) => mayList(a, 'campaign.read') },
  { path: '/self-assessment', label: '自评', icon: <EditOutlined />, allowed: (a) => mayList(a, 'score.self') && a.unitId !== null },
  { path: '/scoring', label: '考核评分', icon: <FormOutlined />, allowed: (a) => mayList(a, 'score.team') },
  { path: '/agreements', label: '责任书', icon: <FileProtectOutlined />, allowed: (a) => mayList(a, 'unit.read') },
  { path: '/accidents', label: '事故登记', icon: <AlertOutlined />, allowed: (a) => mayList(a, 'accident.read') },
  { path: '/monthly-reports', label: '月度指标', icon: <CalendarOutlined />, allowed: (a) => mayList(a, 'campaign.read') },
  // 监管台账 (docs/ledgers.md): the cards and the enterprises' files, for every role that reads them.
  { path: '/hazards', label: '隐患台账', icon: <WarningOutlined />, allowed: (a) => mayList(a, 'hazard.read'), group: '监管台账' },
  { path: '/enterprises', label: '企业档案', icon: <BankOutlined />, allowed: (a) => mayList(a, 'enterprise.read'), group: '监管台账' },
  { path: '/enforcement', label: '执法措施', icon: <SafetyOutlined />, allowed: (a) => mayList(a, 'enforcement.read'), group: '监管台账' },
  { path: '/tips', label: '举报受理', icon: <PhoneOutlined />, allowed: (a) => mayList(a, 'tip.read'), group: '监管台账' },
  { path: '/inspections', label: '检查台账', icon: <FileSearchOutlined />, allowed: (a) => mayList(a, 'inspection.read'), group: '监管台账' },
  { path: '/training', label: '培训持证', icon: <ReadOutlined />, allowed: (a) => mayList(a, 'training.read'), group: '监管台账' },
  { path: '/special-campaigns', label: '专项行动', icon: <RocketOutlined />, allowed: (a) => mayList(a, 'specialCampaign.read'), group: '监管台账' },
  { path: '/experts', label: '专家库', icon: <SolutionOutlined />, allowed: (a) => mayList(a, 'expert.read'), group: '监管台账' },
  { path: '/accounts', label: '用户与角色', icon: <TeamOutlined />, allowed: (a) => mayList(a, 'account.read') },
  { path: '/audit', label: '审计日志', icon: <AuditOutlined />, allowed: (a) => mayList(a, 'audit.read') },
];

export function navItemFor(pathname: string): NavItem | undefined {
  if (pathname === '/') return navItems[0];
  // A campaign's agreements page belongs to the 责任书 entry, not to 考核活动.
  if (/^\/campaigns\/[^/]+\/agreements(\/|$)/.test(pathname)) return navItems.find((item) => item.path === '/agreements');
  return navItems.find((item) => item.path !== '/' && (pathname === item.path || pathname.startsWith(`${item.path}/`)));
}

type MenuEntry = NonNullable<MenuProps['items']>[number];
// A type alias, not an interface: antd's item type has an index signature (data-* attributes).
type LeafEntry = { key: string; icon: ReactNode; label: string };

/** The menu's entries: items of one group together under the group's title, in the order of the list. */
export function menuEntries(items: readonly NavItem[]): MenuEntry[] {
  const entries: MenuEntry[] = [];
  const groups = new Map<string, LeafEntry[]>();
  for (const item of items) {
    const entry: LeafEntry = { key: item.path, icon: item.icon, label: item.label };
    if (!item.group) { entries.push(entry); continue; }
    const children = groups.get(item.group);
    if (children) { children.push(entry); continue; }
    const first = [entry];
    groups.set(item.group, first);
    entries.push({ key: `group:${item.group}`, type: 'group', label: item.group, children: first });
  }
  return entries;
}

import { Card, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { mayList } from '../../access';
import { useRequest } from '../../api/use-request';
import { useAccount } from '../../session/session';
import { trainingApi } from './api';
import { CertificatesTab } from './CertificatesTab';
import { CoverageTab } from './CoverageTab';
import { PersonsTab } from './PersonsTab';
import { SessionsTab } from './SessionsTab';

/** 培训持证: the people who must be certified, their certificates, the sessions held and the coverage (docs/ledgers.md §7). */
export function Component() {
  const me = useAccount();
  const mayManage = mayList(me, 'training.manage');
  const units = useRequest(() => trainingApi.units(), []);
  // A change in one tab (a person added, a certificate issued) is read again by the others.
  const [version, setVersion] = useState(0);
  const changed = () => setVersion((v) => v + 1);
  const items = units.data?.items ?? [];
  const ledgerUnits = items.filter((u) => u.category === 'territorial' || u.category === 'department').map((u) => ({ value: u.id, label: u.name }));
  const unitName = (id: string | null) => (id === null ? '安委办' : items.find((u) => u.id === id)?.name ?? '—');

  return (
    <>
      <Typography.Title level={3} className="anke-page-title">培训持证</Typography.Title>
      <Typography.Paragraph type="secondary">
        主要负责人、安全生产管理人员和特种作业人员须经培训持证上岗（安全生产法（2021）第二十七条、第三十条）：登记人员和证书，查看各镇街、部门和企业的覆盖率。
      </Typography.Paragraph>
      <Card>
        <Tabs items={[
          { key: 'persons', label: '人员', children: <PersonsTab mayManage={mayManage} unitOptions={ledgerUnits} onChanged={changed} /> },
          { key: 'certificates', label: '持证', children: <CertificatesTab mayManage={mayManage} version={version} onChanged={changed} /> },
          { key: 'sessions', label: '培训', children: <SessionsTab me={me} mayManage={mayManage} unitName={unitName} /> },
          { key: 'coverage', label: '覆盖率', children: <CoverageTab unitOptions={ledgerUnits} version={version} /> },
        ]} />
      </Card>
    </>
  );
}

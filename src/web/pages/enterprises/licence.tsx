import { Tag } from 'antd';
import { licenceStatusLabels } from '../../../shared/schemas/enterprise';
import type { EnterpriseView } from './api';

type LicenceStatus = EnterpriseView['licences'][number]['status'];

const colors: Record<LicenceStatus, string> = { notYetValid: 'default', valid: 'green', expiringSoon: 'orange', expired: 'red' };

/** A licence's validity at today, as the server computes it (有效、即将到期、已过期、未到有效期). */
export function LicenceTag({ status }: { status: LicenceStatus }) {
  return <Tag color={colors[status]}>{licenceStatusLabels[status]}</Tag>;
}

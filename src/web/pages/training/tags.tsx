import { Tag } from 'antd';
import type { CertificateView } from './api';
import { certificateStatusColor } from './training-form';

/** 有效, 即将到期 (within 30 days), 已过期 … as the server reads the certificate today. */
export function CertificateStatusTag({ certificate }: { certificate: Pick<CertificateView, 'status' | 'statusLabel'> }) {
  return <Tag color={certificateStatusColor[certificate.status]}>{certificate.statusLabel}</Tag>;
}

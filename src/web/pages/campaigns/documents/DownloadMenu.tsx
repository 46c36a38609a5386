import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Dropdown } from 'antd';
import type { MenuProps } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { errorMessage } from '../../../api/client';
import { documentPaths, downloadDocument } from './api';
import type { RedHeader } from './RedHeaderModal';

// The red-header form (antd Form and the notice's schema) loads when first opened, so the
// results table does not wait for it (bench:web).
const RedHeaderModal = lazy(async () => ({ default: (await import('./RedHeaderModal')).RedHeaderModal }));

/**
 * 下载 on the results page: the notice (the published version, or the current results as
 * 征求意见稿; with a red header if asked), the results and item scores in Excel, the score sheets.
 */
export function DownloadMenu({ campaignId, version }: { campaignId: string; version: number | null }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [redHeader, setRedHeader] = useState(false);

  const run = async (path: string, query: Record<string, string | number | undefined>, name: string) => {
    setBusy(true);
    try {
      await downloadDocument(path, query, name);
      return true;
    } catch (error) {
      void message.error(errorMessage(error));
      return false;
    } finally {
      setBusy(false);
    }
  };
  const published = version === null ? {} : { version };
  const items: MenuProps['items'] = [
    ...(version === null ? [] : [{ key: 'notice', label: `通报（已发布第 ${version} 版，Word）` }]),
    { key: 'draft', label: '通报征求意见稿（按当前数据，Word）' },
    { key: 'redHeader', label: '带红头的通报…' },
    { type: 'divider' },
    { key: 'results', label: '考核结果（Excel）' },
    { key: 'itemScores', label: '各单位逐项得分（Excel）' },
    { key: 'scoreSheets', label: '考核评分表（Word）' },
  ];
  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'notice') void run(documentPaths.notice(campaignId), published, '通报.docx');
    if (key === 'draft') void run(documentPaths.notice(campaignId), {}, '通报（征求意见稿）.docx');
    if (key === 'redHeader') setRedHeader(true);
    if (key === 'results') void run(documentPaths.results(campaignId), published, '考核结果.xlsx');
    if (key === 'itemScores') void run(documentPaths.itemScores(campaignId), published, '各单位逐项得分.xlsx');
    if (key === 'scoreSheets') void run(documentPaths.scoreSheets(campaignId), published, '考核评分表.docx');
  };
  const downloadRedHeader = async (values: RedHeader) => {
    if (await run(documentPaths.notice(campaignId), { ...published, header: values.header, number: values.number || undefined }, '通报.docx')) setRedHeader(false);
  };

  return (
    <>
      <Dropdown menu={{ items, onClick }} trigger={['click']} disabled={busy}>
        <Button icon={<DownloadOutlined />} loading={busy}>下载</Button>
      </Dropdown>
      {redHeader && (
        <Suspense>
          <RedHeaderModal version={version} busy={busy} onDownload={(values) => void downloadRedHeader(values)} onClose={() => setRedHeader(false)} />
        </Suspense>
      )}
    </>
  );
}

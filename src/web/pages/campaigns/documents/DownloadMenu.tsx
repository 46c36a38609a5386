import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Dropdown, Form, Input, Modal } from 'antd';
import type { MenuProps } from 'antd';
import { useState } from 'react';
import { z } from 'zod';
import { noticeQuerySchema } from '../../../../shared/schemas/document';
import { errorMessage } from '../../../api/client';
import { zodRule } from '../../../components/zod-rule';
import { documentPaths, downloadDocument } from './api';

interface RedHeader { header: string; number?: string }

/**
 * 下载 on the results page: the notice (the published version, or the current results as
 * 征求意见稿; with a red header if asked), the results and item scores in Excel, the score sheets.
 */
export function DownloadMenu({ campaignId, version }: { campaignId: string; version: number | null }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [redHeader, setRedHeader] = useState(false);
  const [form] = Form.useForm<RedHeader>();

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
  const submitRedHeader = async () => {
    let values: RedHeader;
    try {
      values = await form.validateFields();
    } catch {
      return; // the form shows what is missing
    }
    if (await run(documentPaths.notice(campaignId), { ...published, header: values.header, number: values.number || undefined }, '通报.docx')) setRedHeader(false);
  };

  return (
    <>
      <Dropdown menu={{ items, onClick }} trigger={['click']} disabled={busy}>
        <Button icon={<DownloadOutlined />} loading={busy}>下载</Button>
      </Dropdown>
      <Modal
        open={redHeader}
        title={version === null ? '带红头的通报（征求意见稿）' : `带红头的通报（第 ${version} 版）`}
        okText="下载"
        cancelText="取消"
        confirmLoading={busy}
        onOk={() => void submitRedHeader()}
        onCancel={() => setRedHeader(false)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item name="header" label="发文机关标志" rules={[zodRule(noticeQuerySchema.shape.header.unwrap(), '请填写发文机关标志')]}>
            <Input placeholder="如：周村区安全生产委员会文件" maxLength={30} />
          </Form.Item>
          <Form.Item name="number" label="发文字号（可不填）" rules={[zodRule(noticeQuerySchema.shape.number.or(z.literal('')))]}>
            <Input placeholder="如：周安委〔2015〕1号" maxLength={40} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

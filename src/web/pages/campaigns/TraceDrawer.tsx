import { Alert, Drawer, Skeleton, Tree } from 'antd';
import type { TreeDataNode } from 'antd';
import { useMemo } from 'react';
import type { TraceNodeView } from '../../../shared/schemas/result';
import { useRequest } from '../../api/use-request';
import { campaignApi } from './api';
import type { ResultRow } from './api';

function toTreeData(node: TraceNodeView, key = '0'): TreeDataNode {
  return {
    key,
    title: node.text,
    children: node.children?.map((child, i) => toTreeData(child, `${key}-${i}`)),
  };
}

/**
 * 得分反查 of one row of the results table. Rows carry the unit's id; a result version frozen
 * before they did names the unit only, and the campaign's units are then read to find it by
 * name — here, when asked, not before the table shows (bench:web).
 */
export function TraceDrawer({ campaignId, row, version, onClose }: {
  campaignId: string; row: ResultRow; version: number | null; onClose: () => void;
}) {
  const byName = useRequest(async () => (row.unitId ? null : campaignApi.units(campaignId)), [campaignId, row.unitId]);
  const unitId = row.unitId ?? byName.data?.items.find((u) => u.name === row.unit)?.unitId;
  const trace = useRequest(async () => (unitId ? campaignApi.trace(campaignId, unitId, version) : null), [campaignId, unitId, version]);
  const treeData = useMemo(() => (trace.data ? [toTreeData(trace.data.trace)] : []), [trace.data]);
  const finding = !row.unitId && byName.loading;
  return (
    <Drawer open title={`得分反查：${row.unit}`} size={640} onClose={onClose} closable={{ 'aria-label': '关闭' }}>
      {byName.error && <Alert type="error" showIcon title={byName.error} />}
      {!unitId && !finding && !byName.error && <Alert type="warning" showIcon title="找不到该单位在本次考核中的记录。" />}
      {trace.error && <Alert type="error" showIcon title={trace.error} />}
      {(finding || (unitId && trace.loading && !trace.data)) && <Skeleton active />}
      {trace.data && (
        <Tree className="trace-tree" aria-label="得分构成" treeData={treeData} defaultExpandAll showLine selectable={false} blockNode />
      )}
    </Drawer>
  );
}

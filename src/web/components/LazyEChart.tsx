import { Spin } from 'antd';
import type { EChartsCoreOption } from 'echarts/core';
import { lazy, Suspense } from 'react';

// ECharts is most of what 首页 loads: its cards, numbers and to-dos show first and each chart
// is drawn when the charting code has arrived, in a box of the chart's own height so nothing
// moves (bench:web).
const Chart = lazy(async () => ({ default: (await import('./EChart')).EChart }));

/** An ECharts chart (components/EChart.tsx), its code loaded when the first chart is shown. */
export function EChart({ option, label, height = 300 }: { option: EChartsCoreOption; label: string; height?: number }) {
  return (
    <Suspense fallback={<div style={{ height, display: 'flex', alignItems: 'center', justifyContent: 'center' }}><Spin description="正在加载图表……" /></div>}>
      <Chart option={option} label={label} height={height} />
    </Suspense>
  );
}

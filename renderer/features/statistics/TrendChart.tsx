import { DownloadOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { BarChart, LineChart } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { DashboardDto } from '../../../main/contract';

echarts.use([
  BarChart,
  LineChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  MarkLineComponent,
  TitleComponent,
  CanvasRenderer,
]);

// The monthly trend: cases received and settled as bars, the three planned rates as lines with
// their targets. Black-and-white print keeps it readable: lines differ by symbol and dash too.

export function TrendChart({ data, title }: { data: DashboardDto; title: string }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    if (!box.current) return;
    const c = echarts.init(box.current, undefined, { renderer: 'canvas' });
    chart.current = c;
    const onResize = () => c.resize();
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    // Every month of the year, so a month without cases shows as a gap, not as a missing bar.
    const year = data.from.slice(0, 4);
    const keys = Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
    const byKey = new Map(data.rows.map((r) => [r.key, r]));
    const rows = keys.map((k) => byKey.get(k));
    const months = keys.map((_, i) => `${i + 1}月`);
    const rate = (
      name: string,
      key: 'successRate' | 'performanceRate' | 'visitRate',
      target: number,
      symbol: string,
      dash: 'solid' | 'dashed' | 'dotted',
      at: 'insideStartTop' | 'insideMiddleTop' | 'insideEndTop',
    ) => ({
      name,
      type: 'line' as const,
      yAxisIndex: 1,
      symbol,
      symbolSize: 8,
      lineStyle: { type: dash, width: 2 },
      data: rows.map((r) => r?.rates[key] ?? null),
      markLine: {
        symbol: 'none',
        silent: true,
        lineStyle: { type: 'dashed' as const },
        label: { formatter: `${name}目标${target}%`, position: at },
        data: [{ yAxis: target }],
      },
    });
    chart.current?.setOption(
      {
        animation: false,
        title: { text: title, left: 'center', top: 0, textStyle: { fontSize: 14 } },
        tooltip: { trigger: 'axis' },
        legend: { top: 34 },
        grid: { left: 48, right: 56, top: 84, bottom: 28 },
        xAxis: { type: 'category', data: months },
        yAxis: [
          { type: 'value', name: '件', minInterval: 1 },
          { type: 'value', name: '%', min: 0, max: 100 },
        ],
        series: [
          {
            name: '受理',
            type: 'bar',
            data: rows.map((r) => r?.counts.accepted ?? 0),
            itemStyle: { color: '#8c8c8c' },
          },
          {
            name: '调解成功',
            type: 'bar',
            data: rows.map((r) => r?.counts.succeeded ?? 0),
            itemStyle: { color: '#1677ff' },
          },
          rate('调解成功率', 'successRate', data.targets.successRate, 'circle', 'solid', 'insideStartTop'),
          rate(
            '履行率',
            'performanceRate',
            data.targets.performanceRate,
            'rect',
            'dashed',
            'insideMiddleTop',
          ),
          rate('回访率', 'visitRate', data.targets.visitRate, 'triangle', 'dotted', 'insideEndTop'),
        ],
      },
      true,
    );
  }, [data, title]);

  const save = () => {
    const url = chart.current?.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' });
    if (!url) return;
    const a = document.createElement('a');
    a.href = url;
    a.download = `${title}.png`;
    a.click();
  };

  return (
    <div>
      <div style={{ textAlign: 'right' }}>
        <Button size="small" icon={<DownloadOutlined />} onClick={save}>
          导出图片
        </Button>
      </div>
      <div ref={box} role="img" aria-label={title} style={{ height: 360, width: '100%' }} />
    </div>
  );
}

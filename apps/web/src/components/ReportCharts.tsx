import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { ChannelFigures, DispatchReport, TreeNode } from '../api/types';
import { fmtDate, fmtDayTime, fmtPercent } from '../format';
import { CHANNEL, label } from '../vocab';
import { Chart, echarts } from './Chart';
import { Loading } from './common';

const ACKED = new Set(['accepted', 'assigned', 'in_progress', 'completed']);
const RED_TO_GREEN = ['#c0392b', '#e67e22', '#f1c40f', '#7dbb42', '#1e8449'];

/** Share of a branch (the unit and everything below it) that acknowledged. */
function branchShare(n: TreeNode): { done: number; total: number } {
  let done = ACKED.has(n.status) ? 1 : 0;
  let total = 1;
  for (const c of n.children) {
    const s = branchShare(c);
    done += s.done;
    total += s.total;
  }
  return { done, total };
}

function districtsOf(roots: TreeNode[]): TreeNode[] {
  // District UBNDs are the top-level deliveries whose unit code carries a district GSO code (UBND-366).
  return roots.filter((r) => /^UBND-\d{3}$/.test(r.unitCode));
}

/** Nam Định coloured by completion per district (the shared GeoJSON); there are no commune boundaries. */
export function DistrictMap({ roots }: { roots: TreeNode[] }) {
  const geo = useQuery({
    queryKey: ['geo', 'nam-dinh'],
    staleTime: Infinity,
    queryFn: async () => {
      const res = await fetch('/geo/nam-dinh-districts-2024.geojson');
      const json = (await res.json()) as { features: { properties: { code: string; name: string } }[] };
      echarts.registerMap('nam-dinh', json as never);
      return new Map(json.features.map((f) => [f.properties.code, f.properties.name]));
    },
  });
  const option = useMemo(() => {
    if (!geo.data) return null;
    const data = districtsOf(roots).map((d) => {
      const s = branchShare(d);
      return {
        name: geo.data.get(d.unitCode.slice(5)) ?? d.unitName,
        value: Math.round((s.done / s.total) * 1000) / 10,
        unit: d.unitName,
        done: s.done,
        total: s.total,
      };
    });
    return {
      tooltip: {
        trigger: 'item',
        formatter: (p: { data?: { unit: string; done: number; total: number; value: number } }) =>
          p.data
            ? `${p.data.unit}<br/>${p.data.done}/${p.data.total} đơn vị đã xác nhận (${fmtPercent(p.data.value / 100)})`
            : 'Chưa nhận công văn',
      },
      visualMap: { min: 0, max: 100, left: 8, bottom: 8, text: ['100%', '0%'], calculable: false, inRange: { color: RED_TO_GREEN } },
      series: [
        { type: 'map', map: 'nam-dinh', roam: false, data, label: { show: true, fontSize: 10 }, emphasis: { label: { show: true } } },
      ],
    };
  }, [geo.data, roots]);
  if (!option) return <Loading label="Đang tải bản đồ…" />;
  return (
    <figure className="figure">
      <Chart option={option} height={420} label="Bản đồ tỉnh Nam Định tô màu theo tỷ lệ xác nhận của từng huyện" testId="district-map" />
      <figcaption className="small muted">
        Tỷ lệ đơn vị đã xác nhận trong mỗi huyện (UBND huyện và các đơn vị cấp dưới). Ranh giới: Who&apos;s On First
        (whosonfirst.org/docs/licenses), Mapzen Mesoshapes (CC0); ranh giới gần đúng, đã giản lược.
      </figcaption>
    </figure>
  );
}

/** Communes have no boundaries: a treemap district → commune, each box coloured by its status. */
export function CommuneTreemap({ roots }: { roots: TreeNode[] }) {
  const option = useMemo(() => {
    const colour = (n: TreeNode) => (ACKED.has(n.status) ? '#1e8449' : n.status === 'refused' ? '#7f8c8d' : '#c0392b');
    const short = (name: string) => name.replace(/^UBND (xã|phường|huyện|thành phố) /, '');
    // Districts hold their communes; a commune is a leaf (its own police are counted in the tree, not drawn here).
    const data = districtsOf(roots).map((d) =>
      d.children.length
        ? {
            name: short(d.unitName),
            children: d.children.map((c) => ({ name: short(c.unitName), value: 1, itemStyle: { color: colour(c) } })),
          }
        : { name: short(d.unitName), value: 1, itemStyle: { color: colour(d) } },
    );
    return {
      tooltip: { formatter: (p: { name: string }) => p.name },
      series: [
        {
          type: 'treemap',
          roam: false,
          nodeClick: 'zoomToNode',
          breadcrumb: { show: false },
          leafDepth: 2,
          data,
          label: { fontSize: 10 },
          upperLabel: { show: true, height: 18, color: '#fff' },
          itemStyle: { borderColor: '#fff', gapWidth: 1 },
          levels: [{ itemStyle: { borderColor: '#555', borderWidth: 2, gapWidth: 2 } }, { itemStyle: { gapWidth: 1 } }],
        },
      ],
    };
  }, [roots]);
  return (
    <figure className="figure">
      <Chart option={option} height={360} label="Các xã theo huyện: xanh đã xác nhận, đỏ chưa xác nhận" testId="commune-treemap" />
      <figcaption className="small muted">
        Mỗi ô là một đơn vị cấp xã (huyện chưa chuyển tiếp là một ô): xanh đã xác nhận, đỏ chưa, xám từ chối.
      </figcaption>
    </figure>
  );
}

/** Acknowledgements over time, cumulative from publication, against the deadlines (dashed lines). */
export function AckCurve({
  roots,
  deadlines,
  start,
}: {
  roots: TreeNode[];
  deadlines: { name: string; at: string | null }[];
  start: string | null;
}) {
  const option = useMemo(() => {
    const times: number[] = [];
    let total = 0;
    const walk = (n: TreeNode) => {
      total += 1;
      if (n.acknowledgedAt) times.push(new Date(n.acknowledgedAt).getTime());
      n.children.forEach(walk);
    };
    roots.forEach(walk);
    times.sort((a, b) => a - b);
    const t0 = start ? new Date(start).getTime() : (times[0] ?? Date.now());
    const marks = deadlines.filter((d) => d.at).map((d) => ({ name: d.name, t: new Date(d.at!).getTime() }));
    const min = Math.min(t0, ...marks.map((m) => m.t));
    const max = Math.max(Date.now(), times[times.length - 1] ?? t0, ...marks.map((m) => m.t));
    const short = max - min < 7 * 86_400_000;
    const points = [[t0, 0], ...times.map((t, i) => [t, i + 1]), [Math.max(Date.now(), t0), times.length]];
    const pad = Math.max((max - min) * 0.03, 60_000);
    return {
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => `${v} đơn vị` },
      grid: { left: 48, right: 24, top: 28, bottom: 40 },
      xAxis: {
        type: 'time',
        min: min - pad,
        max: max + pad,
        axisLabel: { hideOverlap: true, formatter: (v: number) => (short ? fmtDayTime(v) : fmtDate(new Date(v))) },
      },
      yAxis: { type: 'value', max: total, name: `Đơn vị (trên ${total})`, minInterval: 1 },
      series: [
        {
          type: 'line',
          name: 'Đã xác nhận',
          step: 'end',
          symbol: 'none',
          data: points,
          areaStyle: { opacity: 0.15 },
          markLine: {
            symbol: 'none',
            label: { formatter: '{b}', position: 'insideEndTop' },
            lineStyle: { type: 'dashed', color: '#c0392b' },
            data: marks.map((m) => ({ name: m.name, xAxis: m.t })),
          },
        },
      ],
    };
  }, [roots, deadlines, start]);
  return <Chart option={option} height={280} label="Số đơn vị xác nhận cộng dồn theo thời gian, so với các thời hạn" testId="ack-curve" />;
}

export function MixChart({ rows, title, keyLabel }: { rows: ChannelFigures[]; title: string; keyLabel: (k: string) => string }) {
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 150, right: 24, top: 28, bottom: 24 },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: rows.map((r) => keyLabel(r.key)), axisLabel: { width: 140, overflow: 'truncate' } },
      series: [
        { type: 'bar', name: 'Hoạt động', data: rows.map((r) => r.activities) },
        { type: 'bar', name: 'Đơn vị', data: rows.map((r) => r.units) },
      ],
    }),
    [rows, keyLabel],
  );
  return <Chart option={option} height={Math.max(160, rows.length * 36 + 60)} label={title} />;
}

export const channelLabel = (k: string) => label(CHANNEL, k);
export const taskLabel = (k: string) => (k === 'none' || k === '' ? 'Không gắn nhiệm vụ' : `Nhiệm vụ ${k}`);
export type { DispatchReport };

import { useQuery } from '@tanstack/react-query';
import { Card, Checkbox, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../api/http';
import type { Scorecard, ScorecardRow } from '../api/units';
import { fmtDate, fmtNumber, fmtPercent, todayVn } from '../format';
import { ErrorAlert, ResponsiveTable } from './common';
import { VnDate } from './DateFields';

const pct = (v: number | null) => (v == null ? '—' : fmtPercent(v));
const hours = (v: number | null) => (v == null ? '—' : `${fmtNumber(v)} giờ`);
const forwarding = (r: ScorecardRow) => (r.expectedToForward ? `${fmtNumber(r.forwarded)}/${fmtNumber(r.expectedToForward)}` : '—');

function Rows({ rows, label, loading, empty }: { rows?: ScorecardRow[]; label: string; loading: boolean; empty: string }) {
  return (
    <ResponsiveTable<ScorecardRow>
      ariaLabel={label}
      rowKey="unitId"
      emptyText={empty}
      loading={loading}
      dataSource={rows}
      pagination={false}
      columns={[
        {
          title: 'Đơn vị',
          key: 'unit',
          render: (_, r) => (
            <span>
              <Link to={`/don-vi/${r.unitId}`}>{r.unitName}</Link>
              {r.retiredOn ? <span className="muted small"> · ngừng hoạt động từ {fmtDate(r.retiredOn)}</span> : null}
            </span>
          ),
        },
        { title: 'Công văn nhận', dataIndex: 'deliveries', align: 'right', render: (n: number) => fmtNumber(n) },
        {
          title: 'Đã xác nhận',
          key: 'ack',
          align: 'right',
          render: (_, r) => `${fmtNumber(r.acknowledged)} (${pct(r.acknowledgedRate)})`,
        },
        { title: 'Thời gian xác nhận (trung vị)', key: 'median', align: 'right', render: (_, r) => hours(r.medianAckHours) },
        { title: 'Đã chuyển tiếp', key: 'fwd', align: 'right', render: (_, r) => forwarding(r) },
        { title: 'Hoạt động', dataIndex: 'activities', align: 'right', render: (n: number) => fmtNumber(n) },
      ]}
      card={(r) => (
        <div className="card-body">
          <div className="card-head">
            <Link to={`/don-vi/${r.unitId}`}>{r.unitName}</Link>
            {r.retiredOn ? <span className="muted small">ngừng hoạt động từ {fmtDate(r.retiredOn)}</span> : null}
          </div>
          <div className="card-grid small">
            <span className="muted">Công văn nhận</span>
            <span>{fmtNumber(r.deliveries)}</span>
            <span className="muted">Đã xác nhận</span>
            <span>
              {fmtNumber(r.acknowledged)} ({pct(r.acknowledgedRate)}) · trung vị {hours(r.medianAckHours)}
            </span>
            <span className="muted">Đã chuyển tiếp</span>
            <span>{forwarding(r)}</span>
            <span className="muted">Hoạt động</span>
            <span>{fmtNumber(r.activities)}</span>
          </div>
        </div>
      )}
    />
  );
}

/**
 * A unit's results over the dispatches published in a period, itself and the units below it; on
 * request also the history of the units merged into it (the 2025 reorganisation). An area has no
 * results of its own: the reader picks one of the bodies serving it.
 */
export function UnitScorecard({ unitId, bodies }: { unitId: string; bodies?: { id: string; name: string }[] }) {
  const [from, setFrom] = useState(() => `${Number(todayVn().slice(0, 4)) - 3}-01-01`);
  const [to, setTo] = useState(todayVn);
  const [withPredecessors, setWithPredecessors] = useState(false);
  const [picked, setPicked] = useState<string | undefined>();
  const target = bodies ? (picked ?? bodies[0]?.id) : unitId;
  const card = useQuery({
    queryKey: ['scorecard', target, from, to, withPredecessors],
    enabled: !!target && !!from && !!to,
    queryFn: () =>
      api.get<Scorecard>(`/reports/units/${target}/scorecard`, { from, to, includePredecessors: withPredecessors || undefined }),
    placeholderData: (p) => p,
  });
  return (
    <Card size="small" className="panel" title="Kết quả triển khai công văn">
      <Space wrap className="filters">
        {bodies ? (
          <Select
            aria-label="Cơ quan trên địa bàn"
            value={target}
            style={{ width: 280 }}
            onChange={setPicked}
            options={bodies.map((b) => ({ value: b.id, label: b.name }))}
            notFoundContent="Địa bàn chưa có cơ quan nào."
          />
        ) : null}
        <span className="inline-label">
          Từ ngày <VnDate aria-label="Từ ngày" value={from} onChange={setFrom} max={to} style={{ width: 150 }} />
        </span>
        <span className="inline-label">
          đến <VnDate aria-label="Đến ngày" value={to} onChange={setTo} style={{ width: 150 }} />
        </span>
        <Checkbox checked={withPredecessors} onChange={(e) => setWithPredecessors(e.target.checked)}>
          Gồm lịch sử các đơn vị tiền thân
        </Checkbox>
      </Space>
      {bodies && !bodies.length ? <Typography.Paragraph type="secondary">Địa bàn chưa có cơ quan nào.</Typography.Paragraph> : null}
      <ErrorAlert error={card.error} />
      {target ? (
        <Rows
          rows={card.data?.units}
          label="Kết quả của đơn vị"
          loading={card.isLoading || card.isPlaceholderData}
          empty="Không có đơn vị nào trong kỳ."
        />
      ) : null}
      {withPredecessors && card.data ? (
        <>
          <Typography.Title level={3} className="section-title">
            Lịch sử các đơn vị tiền thân
          </Typography.Title>
          <Rows
            rows={card.data.predecessors}
            label="Lịch sử các đơn vị tiền thân"
            loading={card.isLoading || card.isPlaceholderData}
            empty="Đơn vị không có đơn vị tiền thân."
          />
        </>
      ) : null}
    </Card>
  );
}

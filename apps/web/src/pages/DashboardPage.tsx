import { useQuery } from '@tanstack/react-query';
import { Input, Progress, Select, Space, Tag, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { api } from '../api/http';
import type { DashboardRow, Page } from '../api/types';
import { ErrorAlert, ResponsiveTable, UrgencyTag } from '../components/common';
import { fmtDate, fmtNumber, fmtPercent } from '../format';
import { DISPATCH_STATUS, URGENCY } from '../vocab';
import { VnDate } from '../components/DateFields';

const rate = (r: number) => (
  <Progress percent={Math.round(r * 1000) / 10} size="small" format={() => fmtPercent(r)} style={{ minWidth: 110, margin: 0 }} />
);

/**
 * "Bảng theo dõi": the dispatches in the leader's scope with their rollout figures. Period, urgency,
 * status and search go to the api and live in the URL; the rates sort within the page shown.
 */
export default function DashboardPage() {
  const [params, setParams] = useSearchParams();
  const get = (k: string, d = '') => params.get(k) ?? d;
  const status = get('status', 'published');
  const query = {
    q: get('q'),
    from: get('from'),
    to: get('to'),
    urgency: get('urgency'),
    status: status === 'all' ? '' : status,
    sort: get('sort', 'publishedAt'),
    order: get('order', 'desc'),
    page: Number(get('page', '1')) || 1,
    limit: 20,
  };
  const set = (patch: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    if (!('page' in patch)) next.delete('page');
    setParams(next);
  };
  const list = useQuery({
    queryKey: ['dashboard', query],
    queryFn: () => api.get<Page<DashboardRow>>('/reports/dashboard', query),
    placeholderData: (p) => p,
  });
  const ref = (r: DashboardRow) => `${r.number}/${r.symbol}`;
  return (
    <div className="page">
      <Typography.Title level={1} className="page-title">
        Bảng theo dõi
      </Typography.Title>
      <Space wrap className="filters" role="search">
        <Input.Search
          aria-label="Tìm số ký hiệu, trích yếu"
          placeholder="Tìm số ký hiệu, trích yếu"
          defaultValue={query.q}
          allowClear
          onSearch={(v) => set({ q: v.trim() })}
          style={{ width: 260 }}
        />
        <label className="inline-label">
          Từ ngày <VnDate aria-label="Từ ngày" value={query.from} onChange={(v) => set({ from: v })} style={{ width: 150 }} />
        </label>
        <label className="inline-label">
          đến <VnDate aria-label="Đến ngày" value={query.to} onChange={(v) => set({ to: v })} style={{ width: 150 }} />
        </label>
        <Select
          aria-label="Độ khẩn"
          value={query.urgency}
          style={{ width: 150 }}
          onChange={(v) => set({ urgency: v })}
          options={[{ value: '', label: 'Mọi độ khẩn' }, ...Object.entries(URGENCY).map(([k, v]) => ({ value: k, label: v.label }))]}
        />
        <Select
          aria-label="Trạng thái công văn"
          value={status}
          style={{ width: 170 }}
          onChange={(v) => set({ status: v })}
          options={[
            { value: 'all', label: 'Mọi trạng thái' },
            ...Object.entries(DISPATCH_STATUS).map(([k, v]) => ({ value: k, label: v })),
          ]}
        />
        <Select
          aria-label="Sắp xếp"
          value={`${query.sort}:${query.order}`}
          style={{ width: 200 }}
          onChange={(v) => {
            const [sort, order] = v.split(':');
            set({ sort, order });
          }}
          options={[
            { value: 'publishedAt:desc', label: 'Mới ban hành trước' },
            { value: 'publishedAt:asc', label: 'Cũ trước' },
            { value: 'issuedDate:desc', label: 'Ngày văn bản mới trước' },
            { value: 'number:desc', label: 'Số lớn trước' },
          ]}
        />
        {list.data ? <span className="muted">{fmtNumber(list.data.total)} công văn</span> : null}
      </Space>
      <ErrorAlert error={list.error} />
      <ResponsiveTable<DashboardRow>
        ariaLabel="Công văn đang theo dõi"
        rowKey="id"
        emptyText="Không có công văn nào trong phạm vi và điều kiện lọc."
        loading={list.isLoading}
        dataSource={list.data?.items}
        onRow={(r) => ({ 'data-dispatch-id': r.id }) as React.HTMLAttributes<HTMLElement>}
        pagination={{
          current: query.page,
          pageSize: 20,
          total: list.data?.total ?? 0,
          showSizeChanger: false,
          onChange: (p) => set({ page: String(p) }),
        }}
        columns={[
          { title: 'Công văn', key: 'ref', render: (_, r) => <Link to={`/bang-theo-doi/${r.id}`}>{ref(r)}</Link> },
          { title: 'Trích yếu', dataIndex: 'subject', render: (s: string) => <span className="subject">{s}</span> },
          { title: 'Ngày', key: 'd', render: (_, r) => fmtDate(r.issuedDate) },
          { title: 'Độ khẩn', key: 'u', render: (_, r) => <UrgencyTag urgency={r.urgency} /> },
          {
            title: 'Đơn vị nhận',
            dataIndex: 'total',
            align: 'right',
            sorter: (a, b) => a.total - b.total,
            render: (n: number) => fmtNumber(n),
          },
          {
            title: 'Tỷ lệ xác nhận',
            dataIndex: 'acknowledgedRate',
            sorter: (a, b) => a.acknowledgedRate - b.acknowledgedRate,
            render: rate,
          },
          { title: 'Tỷ lệ đúng hạn', dataIndex: 'onTimeRate', sorter: (a, b) => a.onTimeRate - b.onTimeRate, render: rate },
          {
            title: 'Độ phủ hoạt động',
            dataIndex: 'activityCoverage',
            sorter: (a, b) => a.activityCoverage - b.activityCoverage,
            render: rate,
          },
          {
            title: 'Đơn vị tắc nghẽn',
            dataIndex: 'blocking',
            align: 'right',
            sorter: (a, b) => a.blocking - b.blocking,
            render: (n: number) => (n ? <Tag color="red">{fmtNumber(n)}</Tag> : '0'),
          },
        ]}
        card={(r) => (
          <div className="card-body">
            <div className="card-head">
              <Link to={`/bang-theo-doi/${r.id}`}>{ref(r)}</Link>
              <span>{fmtDate(r.issuedDate)}</span>
            </div>
            <div className="subject">{r.subject}</div>
            <div className="card-grid">
              <span>Xác nhận</span>
              {rate(r.acknowledgedRate)}
              <span>Đúng hạn</span>
              {rate(r.onTimeRate)}
              <span>Hoạt động</span>
              {rate(r.activityCoverage)}
            </div>
            <div className="small">
              {fmtNumber(r.total)} đơn vị nhận · {r.blocking ? <Tag color="red">{fmtNumber(r.blocking)} tắc nghẽn</Tag> : 'không tắc nghẽn'}
            </div>
          </div>
        )}
      />
    </div>
  );
}

import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Select, Space, Tag, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { api } from '../api/http';
import type { DispatchListItem, Page } from '../api/types';
import { ErrorAlert, ResponsiveTable, UrgencyTag } from '../components/common';
import { fmtDate, fmtNumber } from '../format';
import { DISPATCH_STATUS } from '../vocab';

type Row = DispatchListItem;

/** The issuer's dispatches: drafts to finish and published ones to follow. */
export default function DispatchesPage() {
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? '';
  const page = Number(params.get('page') ?? '1') || 1;
  const list = useQuery({
    queryKey: ['dispatches', status, page],
    queryFn: () => api.get<Page<Row>>('/dispatches', { status, page, limit: 20 }),
  });
  const to = (r: Row) => (r.status === 'draft' ? `/soan-cong-van/${r.id}` : `/cong-van/${r.id}`);
  const units = (r: Row) => Object.values(r.deliveryCounts ?? {}).reduce((a, b) => a + b, 0);
  return (
    <div className="page">
      <Space className="page-head" wrap>
        <Typography.Title level={1} className="page-title">
          Công văn đi
        </Typography.Title>
        <Link to="/soan-cong-van">
          <Button type="primary" icon={<PlusOutlined />} tabIndex={-1}>
            Soạn công văn mới
          </Button>
        </Link>
      </Space>
      <Space wrap className="filters">
        <Select
          aria-label="Trạng thái công văn"
          value={status}
          style={{ width: 200 }}
          onChange={(v) => setParams(v ? { status: v } : {})}
          options={[{ value: '', label: 'Mọi trạng thái' }, ...Object.entries(DISPATCH_STATUS).map(([k, v]) => ({ value: k, label: v }))]}
        />
      </Space>
      <ErrorAlert error={list.error} />
      <ResponsiveTable<Row>
        ariaLabel="Công văn đi"
        rowKey="id"
        emptyText="Chưa có công văn nào."
        loading={list.isLoading}
        dataSource={list.data?.items}
        pagination={{
          current: page,
          pageSize: 20,
          total: list.data?.total ?? 0,
          onChange: (p) => setParams({ ...(status ? { status } : {}), page: String(p) }),
        }}
        columns={[
          { title: 'Số, ký hiệu', key: 'ref', render: (_, r) => <Link to={to(r)}>{`${r.number}/${r.symbol}`}</Link> },
          { title: 'Ngày', key: 'd', render: (_, r) => fmtDate(r.issuedDate) },
          { title: 'Trích yếu', dataIndex: 'subject', render: (s: string) => <span className="subject">{s}</span> },
          { title: 'Độ khẩn', key: 'u', render: (_, r) => <UrgencyTag urgency={r.urgency} /> },
          {
            title: 'Trạng thái',
            key: 's',
            render: (_, r) => <Tag color={r.status === 'draft' ? 'default' : 'blue'}>{DISPATCH_STATUS[r.status]}</Tag>,
          },
          { title: 'Đơn vị nhận', key: 'n', align: 'right', render: (_, r) => fmtNumber(units(r)) },
        ]}
        card={(r) => (
          <div className="card-body">
            <div className="card-head">
              <Link to={to(r)}>{`${r.number}/${r.symbol}`}</Link>
              <Tag color={r.status === 'draft' ? 'default' : 'blue'}>{DISPATCH_STATUS[r.status]}</Tag>
            </div>
            <div className="subject">{r.subject}</div>
            <div className="muted small">
              {fmtDate(r.issuedDate)} · {fmtNumber(units(r))} đơn vị nhận
            </div>
          </div>
        )}
      />
    </div>
  );
}

import { useQuery } from '@tanstack/react-query';
import { Input, Select, Space, Tag, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { api } from '../api/http';
import type { InboxItem, Page } from '../api/types';
import { Deadline, DeliveryStatusTag, ErrorAlert, ResponsiveTable, UrgencyTag } from '../components/common';
import { fmtDate, fmtNumber } from '../format';
import { useSession } from '../session';
import { DELIVERY_STATUS, PURPOSE } from '../vocab';

const LIMIT = 20;

/** The unit's inbox. Search, filters and the page live in the URL, so back and reload keep them. */
export default function InboxPage() {
  const [params, setParams] = useSearchParams();
  const { me } = useSession();
  /** A leader also reads its leadership body's copies (the Ban Giám đốc's "để báo cáo"): say whose copy it is. */
  const forBody = (r: InboxItem) => (r.unitId !== me?.unitId ? <Tag color="purple">Gửi {r.unitName}</Tag> : null);
  const q = params.get('q') ?? '';
  const status = params.get('status') ?? '';
  const overdue = params.get('overdue') ?? '';
  const page = Number(params.get('page') ?? '1') || 1;
  const set = (patch: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    if (!('page' in patch)) next.delete('page');
    setParams(next);
  };
  const inbox = useQuery({
    queryKey: ['inbox', q, status, overdue, page],
    queryFn: () => api.get<Page<InboxItem>>('/inbox', { q, status, overdue, page, limit: LIMIT }),
    placeholderData: (prev) => prev,
  });
  const ref = (r: InboxItem) => `${r.dispatch.number}/${r.dispatch.symbol}`;
  const recalled = (r: InboxItem) => r.status === 'recalled';
  /** The subject, struck through with the reason when the issuer recalled it; "Chờ xác nhận lại" after a new version. */
  const subject = (r: InboxItem) => (
    <>
      <span className={recalled(r) ? 'subject recalled-text' : 'subject'}>{r.dispatch.subject}</span>
      {recalled(r) ? <div className="small error-text">Đã thu hồi: {r.dispatch.recallReason}</div> : null}
      {r.mustReacknowledge ? <Tag color="orange">Cần xác nhận lại (phiên bản {r.dispatch.version})</Tag> : null}
    </>
  );
  return (
    <div className="page">
      <Typography.Title level={1} className="page-title">
        Công văn đến
      </Typography.Title>
      <Space wrap className="filters" role="search">
        <Input.Search
          aria-label="Tìm theo số ký hiệu, trích yếu"
          placeholder="Tìm số ký hiệu, trích yếu"
          defaultValue={q}
          allowClear
          onSearch={(v) => set({ q: v.trim() })}
          style={{ width: 280 }}
        />
        <Select
          aria-label="Trạng thái"
          value={status}
          onChange={(v) => set({ status: v })}
          style={{ width: 190 }}
          options={[
            { value: '', label: 'Mọi trạng thái' },
            ...Object.entries(DELIVERY_STATUS).map(([k, v]) => ({ value: k, label: v.label })),
          ]}
        />
        <Select
          aria-label="Hạn xử lý"
          value={overdue}
          onChange={(v) => set({ overdue: v })}
          style={{ width: 160 }}
          options={[
            { value: '', label: 'Mọi thời hạn' },
            { value: 'true', label: 'Quá hạn' },
            { value: 'false', label: 'Chưa quá hạn' },
          ]}
        />
        {inbox.data ? <span className="muted">{fmtNumber(inbox.data.total)} công văn</span> : null}
      </Space>
      <ErrorAlert error={inbox.error} />
      <ResponsiveTable<InboxItem>
        ariaLabel="Danh sách công văn đến"
        rowKey="id"
        emptyText={q || status || overdue ? 'Không có công văn nào khớp điều kiện lọc.' : 'Chưa có công văn nào gửi đến đơn vị.'}
        loading={inbox.isLoading}
        dataSource={inbox.data?.items}
        pagination={{
          current: page,
          pageSize: LIMIT,
          total: inbox.data?.total ?? 0,
          showSizeChanger: false,
          onChange: (p) => set({ page: String(p) }),
        }}
        columns={[
          {
            title: 'Số, ký hiệu',
            key: 'ref',
            render: (_, r) => (
              <Link to={`/cong-van-den/${r.id}`} className={recalled(r) ? 'ref-link recalled-text' : 'ref-link'}>
                {ref(r)}
              </Link>
            ),
          },
          { title: 'Ngày', key: 'date', render: (_, r) => fmtDate(r.dispatch.issuedDate) },
          {
            title: 'Trích yếu',
            key: 'subject',
            render: (_, r) => (
              <>
                {subject(r)}
                {forBody(r)}
              </>
            ),
          },
          { title: 'Cơ quan ban hành', key: 'issuer', render: (_, r) => r.dispatch.issuer },
          { title: 'Mục đích', key: 'purpose', render: (_, r) => PURPOSE[r.purpose] ?? r.purpose },
          { title: 'Độ khẩn', key: 'urgency', render: (_, r) => <UrgencyTag urgency={r.dispatch.urgency} /> },
          { title: 'Trạng thái', key: 'status', render: (_, r) => <DeliveryStatusTag status={r.status} /> },
          { title: 'Hạn xác nhận', key: 'ack', render: (_, r) => <Deadline at={r.ackDueAt} overdue={r.overdueAck && !recalled(r)} /> },
        ]}
        card={(r) => (
          <div className="card-body">
            <div className="card-head">
              <Link to={`/cong-van-den/${r.id}`} className={recalled(r) ? 'ref-link recalled-text' : 'ref-link'}>
                {ref(r)}
              </Link>
              <span>{fmtDate(r.dispatch.issuedDate)}</span>
            </div>
            <div>{subject(r)}</div>
            {forBody(r)}
            <Space wrap size={4}>
              <DeliveryStatusTag status={r.status} />
              <UrgencyTag urgency={r.dispatch.urgency} />
              <span className="muted">{PURPOSE[r.purpose]}</span>
            </Space>
            {r.ackDueAt ? (
              <div className="muted">
                Hạn xác nhận: <Deadline at={r.ackDueAt} overdue={r.overdueAck && !recalled(r)} />
              </div>
            ) : null}
          </div>
        )}
      />
    </div>
  );
}

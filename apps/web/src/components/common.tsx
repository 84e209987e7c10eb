import { Alert, Card, Empty, Grid, List, Spin, Table, Tag, Tooltip } from 'antd';
import type { TableProps } from 'antd';
import type { ReactNode } from 'react';
import { ApiError } from '../api/http';
import { fmtDateTime } from '../format';
import { DELIVERY_STATUS, MESSAGE_STATUS, URGENCY } from '../vocab';

/** The api's own message for a refusal, as an alert a screen reader announces. */
export function ErrorAlert({ error, style }: { error: unknown; style?: React.CSSProperties }) {
  if (!error) return null;
  const msg = error instanceof Error ? error.message : String(error);
  const status = error instanceof ApiError && error.status ? ` (${error.status})` : '';
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={msg}
      description={status ? `Mã lỗi${status}` : undefined}
      style={{ marginBottom: 12, ...style }}
    />
  );
}

export function Loading({ label = 'Đang tải…' }: { label?: string }) {
  return (
    <div className="loading" role="status" aria-live="polite">
      <Spin /> <span>{label}</span>
    </div>
  );
}

export function EmptyState({ text }: { text: string }) {
  return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={text} />;
}

export function DeliveryStatusTag({ status }: { status: string }) {
  const s = DELIVERY_STATUS[status] ?? { label: status, code: '', color: 'default' };
  return (
    <Tag color={s.color} data-status={status}>
      {s.code ? `${s.code} · ${s.label}` : s.label}
    </Tag>
  );
}

export function UrgencyTag({ urgency }: { urgency: string }) {
  const u = URGENCY[urgency] ?? { label: urgency, color: 'default' };
  if (urgency === 'thuong') return <Tag>{u.label}</Tag>;
  return <Tag color={u.color}>{u.label.toUpperCase()}</Tag>;
}

export function MessageTag({ status, error }: { status: string; error?: string | null }) {
  const m = MESSAGE_STATUS[status] ?? { label: status, color: 'default' };
  const tag = <Tag color={m.color}>{m.label}</Tag>;
  return error ? <Tooltip title={error}>{tag}</Tooltip> : tag;
}

export function Deadline({ at, overdue }: { at: string | null; overdue?: boolean }) {
  if (!at) return <span className="muted">—</span>;
  return (
    <span className={overdue ? 'overdue' : undefined}>
      {fmtDateTime(at)}
      {overdue ? (
        <Tag color="red" style={{ marginLeft: 6 }}>
          Quá hạn
        </Tag>
      ) : null}
    </span>
  );
}

/** Phones (under 600 px) get cards instead of a wide table; wider screens get the table. */
export function useIsPhone(): boolean {
  const screens = Grid.useBreakpoint();
  return !screens.sm;
}

export function ResponsiveTable<T extends object>(
  props: TableProps<T> & { card: (row: T) => ReactNode; rowKey: keyof T & string; emptyText: string; ariaLabel: string },
) {
  const phone = useIsPhone();
  const { card, emptyText, ariaLabel, ...table } = props;
  if (phone) {
    const p = table.pagination;
    return (
      <section aria-label={ariaLabel}>
        <List
          dataSource={(table.dataSource ?? []) as T[]}
          loading={table.loading}
          locale={{ emptyText: <EmptyState text={emptyText} /> }}
          pagination={
            p
              ? { current: p.current, pageSize: p.pageSize, total: p.total, onChange: p.onChange, size: 'small', showSizeChanger: false }
              : false
          }
          renderItem={(row) => (
            <List.Item key={String(row[props.rowKey])} style={{ padding: '6px 0' }}>
              <Card size="small" className="row-card" style={{ width: '100%' }}>
                {card(row)}
              </Card>
            </List.Item>
          )}
        />
      </section>
    );
  }
  return (
    <section aria-label={ariaLabel}>
      <Table<T> size="middle" locale={{ emptyText: <EmptyState text={emptyText} /> }} scroll={{ x: 'max-content' }} {...table} />
    </section>
  );
}

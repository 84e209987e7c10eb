import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, Modal, Row, Select, Space, Statistic, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../api/http';
import type { DispatchDetail, Page, RolloutRow } from '../api/types';
import { DeliveryStatusTag, ErrorAlert, Loading, MessageTag, ResponsiveTable } from '../components/common';
import { NewVersionButton, RecallButton, RecalledNotice, RemindersCard, VersionsCard } from '../components/FollowUp';
import { UnitTreePicker } from '../components/UnitPicker';
import { fmtDateTime, fmtNumber } from '../format';
import { useSession } from '../session';
import { DELIVERY_STATUS, DISPATCH_STATUS, MESSAGE_KIND, PURPOSE, label } from '../vocab';

/**
 * The issuer's live rollout: every unit's status, e-mail state and reminders, with resend, readdress, late
 * recipients, "Kết thúc"; and follow-up: recall (thu hồi), a new version and the re-acknowledgement it asks
 * for, the reminder rule, plan and history.
 */
export default function RolloutPage() {
  const { id = '' } = useParams();
  const qc = useQueryClient();
  const { message, modal } = App.useApp();
  const { me } = useSession();
  // The follow-up routes (recall, new version, reminder rule) belong to the issuing branch's issuers and leaders.
  const manages = me?.role === 'issuer' || me?.role === 'leader';
  const [status, setStatus] = useState('');
  const [mail, setMail] = useState('');
  const [page, setPage] = useState(1);
  const [adding, setAdding] = useState(false);
  const [addUnits, setAddUnits] = useState<string[]>([]);
  const [addPurpose, setAddPurpose] = useState('action');
  const [readdress, setReaddress] = useState<RolloutRow | null>(null);
  const [newUnit, setNewUnit] = useState<string[]>([]);
  const dispatch = useQuery({
    queryKey: ['dispatch', id],
    queryFn: () => api.get<DispatchDetail>(`/dispatches/${id}`),
    refetchInterval: 5000,
  });
  const rows = useQuery({
    queryKey: ['rollout', id, status, mail, page],
    queryFn: () => api.get<Page<RolloutRow>>(`/dispatches/${id}/deliveries`, { status, messageStatus: mail, page, limit: 50 }),
    refetchInterval: 5000,
    placeholderData: (p) => p,
  });
  const ok = (text: string) => {
    void message.success(text);
    void qc.invalidateQueries();
  };
  const resend = useMutation({
    mutationFn: (deliveryId: string) => api.post(`/dispatches/${id}/deliveries/${deliveryId}/resend`),
    onSuccess: () => ok('Đã xếp thư gửi lại.'),
  });
  const redo = useMutation({
    mutationFn: () => api.post(`/dispatches/${id}/deliveries/${readdress!.id}/readdress`, { unitId: newUnit[0] }),
    onSuccess: () => {
      setReaddress(null);
      ok('Đã chuyển công văn cho đơn vị mới.');
    },
  });
  const add = useMutation({
    mutationFn: () =>
      api.post<{ deliveries: number }>(`/dispatches/${id}/recipients`, {
        recipients: addUnits.map((unitId) => ({ unitId, purpose: addPurpose })),
      }),
    onSuccess: () => {
      setAdding(false);
      setAddUnits([]);
      ok('Đã gửi thêm cho các đơn vị đã chọn.');
    },
  });
  const close = useMutation({
    mutationFn: () => api.post(`/dispatches/${id}/close`),
    onSuccess: () => ok('Đã kết thúc theo dõi công văn.'),
  });
  if (dispatch.isLoading) return <Loading />;
  if (!dispatch.data) return <ErrorAlert error={dispatch.error} />;
  const d = dispatch.data;
  const counts = d.deliveryCounts;
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  const error = resend.error ?? close.error;
  const recalled = d.status === 'recalled';
  const mustReack = (r: RolloutRow) => (r.mustReacknowledge ? <Tag color="orange">Chờ xác nhận lại</Tag> : null);
  return (
    <div className="page">
      <div className="crumbs">
        <Link to="/cong-van">← Công văn đi</Link>
      </div>
      <Typography.Title level={1} className="page-title">
        Theo dõi công văn {d.number}/{d.symbol}
      </Typography.Title>
      <Typography.Paragraph className={recalled ? 'subject recalled-text' : 'subject'} data-testid="dispatch-subject">
        {d.subject}
      </Typography.Paragraph>
      {recalled ? <RecalledNotice at={d.recalledAt} reason={d.recallReason} /> : null}
      <Space wrap>
        <Tag color={recalled ? 'red' : 'blue'}>{DISPATCH_STATUS[d.status]}</Tag>
        {d.version > 1 ? <Tag color="purple">Phiên bản {d.version}</Tag> : null}
        {d.publishedAt ? <span className="muted">Ban hành lúc {fmtDateTime(d.publishedAt)}</span> : null}
        <Link to={`/bang-theo-doi/${d.id}`}>Xem báo cáo</Link>
      </Space>
      <Row gutter={[12, 12]} style={{ margin: '12px 0' }}>
        <Col xs={12} md={4}>
          <Card size="small">
            <Statistic title="Đơn vị nhận" value={fmtNumber(total)} />
          </Card>
        </Col>
        <Col xs={12} md={4}>
          <Card size="small">
            <Statistic title="Đã xác nhận" value={fmtNumber(d.acknowledged)} />
          </Card>
        </Col>
        <Col xs={12} md={4}>
          <Card size="small">
            <Statistic title="Từ chối" value={fmtNumber(counts.refused ?? 0)} />
          </Card>
        </Col>
        <Col xs={12} md={4}>
          <Card size="small">
            <Statistic title="Thư đã gửi" value={fmtNumber(d.messageCounts.sent ?? 0)} />
          </Card>
        </Col>
        <Col xs={12} md={4}>
          <Card size="small">
            <Statistic title="Thư đang chờ" value={fmtNumber(d.messageCounts.pending ?? 0)} />
          </Card>
        </Col>
        <Col xs={12} md={4}>
          <Card size="small">
            <Statistic
              title="Thư lỗi"
              value={fmtNumber(d.messageCounts.failed ?? 0)}
              valueStyle={d.messageCounts.failed ? { color: '#cf1322' } : undefined}
            />
          </Card>
        </Col>
      </Row>
      <ErrorAlert error={error} />
      <VersionsCard dispatchId={d.id} inForce={d.status === 'published'} />
      <RemindersCard dispatch={d} canEdit={manages && d.status === 'published'} />
      <Space wrap className="filters">
        <Select
          aria-label="Lọc theo trạng thái"
          value={status}
          style={{ width: 190 }}
          onChange={(v) => {
            setStatus(v);
            setPage(1);
          }}
          options={[
            { value: '', label: 'Mọi trạng thái' },
            ...Object.entries(DELIVERY_STATUS).map(([k, v]) => ({ value: k, label: v.label })),
          ]}
        />
        <Select
          aria-label="Lọc theo thư"
          value={mail}
          style={{ width: 170 }}
          onChange={(v) => {
            setMail(v);
            setPage(1);
          }}
          options={[
            { value: '', label: 'Mọi trạng thái thư' },
            { value: 'failed', label: 'Thư lỗi' },
            { value: 'pending', label: 'Thư đang chờ' },
            { value: 'sent', label: 'Thư đã gửi' },
          ]}
        />
        {d.status === 'published' ? (
          <>
            <Button onClick={() => setAdding(true)}>Gửi thêm đơn vị</Button>
            {manages ? <NewVersionButton dispatch={d} /> : null}
            {manages ? <RecallButton dispatchId={d.id} /> : null}
            <Button
              danger
              loading={close.isPending}
              onClick={() =>
                void modal.confirm({
                  title: 'Kết thúc theo dõi công văn?',
                  content: 'Các đơn vị không xác nhận, báo cáo thêm được nữa.',
                  okText: 'Kết thúc',
                  cancelText: 'Huỷ',
                  onOk: () => close.mutateAsync(),
                })
              }
            >
              Kết thúc
            </Button>
          </>
        ) : null}
      </Space>
      <ResponsiveTable<RolloutRow>
        ariaLabel="Tình trạng từng đơn vị"
        rowKey="id"
        emptyText="Không có đơn vị nào khớp điều kiện lọc."
        loading={rows.isLoading}
        dataSource={rows.data?.items}
        pagination={{ current: page, pageSize: 50, total: rows.data?.total ?? 0, showSizeChanger: false, onChange: setPage }}
        columns={[
          { title: 'Đơn vị', dataIndex: 'unitName' },
          { title: 'Mục đích', key: 'p', render: (_, r) => label(PURPOSE, r.purpose) },
          {
            title: 'Trạng thái',
            key: 's',
            render: (_, r) => (
              <Space size={4} wrap>
                <DeliveryStatusTag status={r.status} />
                {mustReack(r)}
              </Space>
            ),
          },
          {
            title: 'Nhắc việc',
            key: 'r',
            render: (_, r) => (r.reminders ? r.reminders.summary : <span className="muted">Chưa nhắc</span>),
          },
          {
            title: 'Thư điện tử',
            key: 'm',
            render: (_, r) =>
              r.messages.length ? (
                <Space direction="vertical" size={2}>
                  {r.messages.map((m) => (
                    <span key={m.id}>
                      <MessageTag status={m.status} error={m.lastError} /> {m.to}
                      {m.kind !== 'notice' ? <span className="muted small"> · {label(MESSAGE_KIND, m.kind)}</span> : null}
                      {m.lastError ? <div className="small error-text">{m.lastError}</div> : null}
                    </span>
                  ))}
                </Space>
              ) : (
                <span className="muted">Chưa có e-mail</span>
              ),
          },
          { title: 'Thao tác', key: 'a', render: (_, r) => <RowActions r={r} /> },
        ]}
        card={(r) => (
          <div className="card-body">
            <div className="card-head">
              <strong>{r.unitName}</strong>
              <Space size={4} wrap>
                <DeliveryStatusTag status={r.status} />
                {mustReack(r)}
              </Space>
            </div>
            {r.reminders ? <div className="small">Nhắc việc: {r.reminders.summary}</div> : null}
            {r.messages.map((m) => (
              <div key={m.id} className="small">
                <MessageTag status={m.status} /> {m.to}
                {m.kind !== 'notice' ? <span className="muted"> · {label(MESSAGE_KIND, m.kind)}</span> : null}
                {m.lastError ? <div className="error-text">{m.lastError}</div> : null}
              </div>
            ))}
            <RowActions r={r} />
          </div>
        )}
      />
      <Modal
        open={adding}
        title="Gửi thêm đơn vị"
        okText="Gửi"
        cancelText="Huỷ"
        onOk={() => add.mutate()}
        onCancel={() => setAdding(false)}
        okButtonProps={{ disabled: !addUnits.length, loading: add.isPending }}
      >
        <ErrorAlert error={add.error} />
        <UnitTreePicker value={addUnits} onChange={setAddUnits} />
        <Select
          style={{ width: '100%', marginTop: 8 }}
          value={addPurpose}
          onChange={setAddPurpose}
          options={Object.entries(PURPOSE).map(([k, v]) => ({ value: k, label: v }))}
        />
      </Modal>
      <Modal
        open={!!readdress}
        title={`Chuyển công văn bị từ chối: ${readdress?.unitName ?? ''}`}
        okText="Chuyển"
        cancelText="Huỷ"
        onOk={() => redo.mutate()}
        onCancel={() => setReaddress(null)}
        okButtonProps={{ disabled: newUnit.length !== 1, loading: redo.isPending }}
      >
        <ErrorAlert error={redo.error} />
        <p>Chọn một đơn vị đúng thẩm quyền để nhận thay:</p>
        <UnitTreePicker value={newUnit} onChange={(v) => setNewUnit(v.slice(-1))} />
      </Modal>
    </div>
  );

  function RowActions({ r }: { r: RolloutRow }) {
    // A recalled or closed dispatch is read-only: no resend, no readdress.
    if (d.status !== 'published') return null;
    return (
      <Space wrap size={4}>
        {r.messages.length && !['refused'].includes(r.status) ? (
          <Button size="small" onClick={() => resend.mutate(r.id)} loading={resend.isPending && resend.variables === r.id}>
            Gửi lại
          </Button>
        ) : null}
        {r.status === 'refused' ? (
          <Button
            size="small"
            type="primary"
            onClick={() => {
              setNewUnit([]);
              setReaddress(r);
            }}
          >
            Chuyển đơn vị khác
          </Button>
        ) : null}
      </Space>
    );
  }
}

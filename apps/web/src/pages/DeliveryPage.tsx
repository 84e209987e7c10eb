import { CheckOutlined, CloseOutlined, FileDoneOutlined, ShareAltOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Input, Modal, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../api/http';
import type { DeliveryDetail, DeliveryRow, ReminderResultDto } from '../api/types';
import { ActivityForm, ActivityList, type ActivityEndpoints } from '../components/ActivityReport';
import { Deadline, DeliveryStatusTag, ErrorAlert, Loading, ResponsiveTable } from '../components/common';
import { AttachmentList, DispatchText } from '../components/DispatchText';
import { RecalledNotice } from '../components/FollowUp';
import { ForwardForm, searchUnitsBelow } from '../components/ForwardForm';
import { fmtDateTime } from '../format';
import { useSession } from '../session';
import { PURPOSE } from '../vocab';

/**
 * A delivery as its unit sees it: the dispatch, what to do, the actions, the units below and the activities
 * reported. A recalled one is struck through and read-only; after a new version, one acknowledged earlier
 * asks to be acknowledged again ("Xác nhận lại").
 */
export default function DeliveryPage() {
  const { deliveryId = '' } = useParams();
  const { me } = useSession();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [panel, setPanel] = useState<'forward' | 'report' | null>(null);
  const [refusing, setRefusing] = useState(false);
  const [reason, setReason] = useState('');
  const d = useQuery({ queryKey: ['delivery', deliveryId], queryFn: () => api.get<DeliveryDetail>(`/deliveries/${deliveryId}`) });
  const done = (text: string) => {
    void message.success(text);
    void qc.invalidateQueries();
  };
  const ack = useMutation({
    mutationFn: () => api.post(`/deliveries/${deliveryId}/acknowledge`),
    onSuccess: () => done(d.data?.mustReacknowledge ? 'Đã xác nhận lại phiên bản mới.' : 'Đã xác nhận đã nhận công văn.'),
  });
  const refuse = useMutation({
    mutationFn: () => api.post(`/deliveries/${deliveryId}/refuse`, { reason }),
    onSuccess: () => {
      setRefusing(false);
      done('Đã gửi từ chối.');
    },
  });
  if (d.isLoading) return <Loading />;
  if (d.error || !d.data) return <ErrorAlert error={d.error} />;
  const x = d.data;
  const ref = `${x.dispatch.number}/${x.dispatch.symbol}`;
  const acknowledged = !!x.acknowledgedAt;
  // A unit above (or the issuer's branch) may open any delivery below it, but only the recipient acts on it;
  // a leader also acts for the leadership body below its unit (the Ban Giám đốc, code "-BGD").
  const mine = x.unitId === me?.unitId || (me?.role === 'leader' && x.unitCode.endsWith('-BGD'));
  const refused = x.status === 'refused';
  const recalled = x.status === 'recalled';
  // A recalled delivery can only be read.
  const canAct = mine && !refused && !recalled;
  const endpoints: ActivityEndpoints = {
    activities: `/deliveries/${x.id}/activities`,
    evidence: (id) => `/activities/${id}/evidence`,
    evidenceFile: (_a, e) => e.url.replace(/^\/api\/v1/, ''),
  };
  return (
    <div className="page">
      <div className="crumbs">
        <Link to="/cong-van-den">← Công văn đến</Link>
      </div>
      <Typography.Title level={1} className="page-title">
        <span className={recalled ? 'recalled-text' : undefined} data-testid="delivery-title">
          Công văn {ref}
        </span>
        {recalled ? (
          <Tag color="red" style={{ marginLeft: 8, verticalAlign: 'middle' }}>
            Đã thu hồi
          </Tag>
        ) : null}
        {x.dispatch.version > 1 ? (
          <Tag color="purple" style={{ marginLeft: 8, verticalAlign: 'middle' }}>
            Phiên bản {x.dispatch.version}
          </Tag>
        ) : null}
      </Typography.Title>
      <Typography.Paragraph className={recalled ? 'subject recalled-text' : 'subject'} data-testid="delivery-subject">
        {x.dispatch.subject}
      </Typography.Paragraph>
      {recalled ? <RecalledNotice at={x.dispatch.recalledAt ?? x.recalledAt} reason={x.dispatch.recallReason} /> : null}
      {x.mustReacknowledge && canAct ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={`Công văn đã có phiên bản mới (phiên bản ${x.dispatch.version}): đơn vị cần xác nhận lại đã nhận.`}
          description={`Đơn vị đã xác nhận phiên bản ${x.ackVersion ?? 1}. Hãy đọc lại nội dung, tệp đính kèm mới rồi bấm "Xác nhận lại".`}
        />
      ) : null}
      <Card size="small" className="status-card">
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
          <Descriptions.Item label="Trạng thái">
            <span id="delivery-status">
              <DeliveryStatusTag status={x.status} />
            </span>
          </Descriptions.Item>
          <Descriptions.Item label="Đơn vị nhận">{x.unitName}</Descriptions.Item>
          <Descriptions.Item label="Mục đích">{PURPOSE[x.purpose] ?? x.purpose}</Descriptions.Item>
          <Descriptions.Item label="Hạn xác nhận">
            <Deadline at={x.ackDueAt} overdue={x.overdueAck && !recalled} />
          </Descriptions.Item>
          <Descriptions.Item label="Hạn chuyển tiếp">
            <Deadline at={x.forwardDueAt} overdue={x.overdueForward && !recalled} />
          </Descriptions.Item>
          <Descriptions.Item label="Hạn báo cáo">
            <Deadline at={x.reportDueAt} overdue={x.overdueReport && !recalled} />
          </Descriptions.Item>
          {x.acknowledgedAt ? (
            <Descriptions.Item label="Đã xác nhận">
              {x.ackByName} lúc {fmtDateTime(x.acknowledgedAt)}
              {x.dispatch.version > 1 ? ` (phiên bản ${x.ackVersion ?? 1})` : ''}
            </Descriptions.Item>
          ) : null}
          {refused ? (
            <Descriptions.Item label="Đã từ chối">
              {x.refusedByName}: {x.refusalReason}
            </Descriptions.Item>
          ) : null}
          {x.instruction ? <Descriptions.Item label="Chỉ đạo của cấp trên">{x.instruction}</Descriptions.Item> : null}
        </Descriptions>
        <ErrorAlert error={ack.error} />
        {!mine ? (
          <Alert type="info" showIcon title="Xem với tư cách đơn vị cấp trên: chỉ đơn vị nhận xác nhận, chuyển tiếp và báo cáo." />
        ) : null}
        <Space wrap className="actions" style={{ marginTop: 8 }}>
          {!acknowledged && canAct ? (
            <Button type="primary" icon={<CheckOutlined />} loading={ack.isPending} onClick={() => ack.mutate()}>
              Xác nhận đã nhận
            </Button>
          ) : null}
          {x.mustReacknowledge && canAct ? (
            <Button type="primary" icon={<CheckOutlined />} loading={ack.isPending} onClick={() => ack.mutate()}>
              Xác nhận lại
            </Button>
          ) : null}
          {!acknowledged && canAct ? (
            <Button danger icon={<CloseOutlined />} onClick={() => setRefusing(true)}>
              Từ chối
            </Button>
          ) : null}
          {canAct ? (
            <Button
              icon={<ShareAltOutlined />}
              aria-expanded={panel === 'forward'}
              onClick={() => setPanel(panel === 'forward' ? null : 'forward')}
            >
              Chuyển tiếp
            </Button>
          ) : null}
          {canAct ? (
            <Button
              icon={<FileDoneOutlined />}
              aria-expanded={panel === 'report'}
              onClick={() => setPanel(panel === 'report' ? null : 'report')}
            >
              Báo cáo kết quả
            </Button>
          ) : null}
        </Space>
      </Card>
      <Modal
        open={refusing}
        title="Từ chối tiếp nhận công văn"
        okText="Gửi từ chối"
        cancelText="Huỷ"
        okButtonProps={{ danger: true, disabled: reason.trim().length < 3, loading: refuse.isPending }}
        onOk={() => refuse.mutate()}
        onCancel={() => setRefusing(false)}
      >
        <ErrorAlert error={refuse.error} />
        <label htmlFor="refuse-reason">Lý do từ chối (bắt buộc)</label>
        <Input.TextArea id="refuse-reason" rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />
      </Modal>
      {panel === 'forward' ? (
        <Card size="small" title="Chuyển tiếp xuống đơn vị cấp dưới" className="panel">
          <ForwardForm
            endpoint={`/deliveries/${x.id}/forward`}
            own={x}
            groups={['all_commune_committees', 'all_commune_police']}
            searchUnits={searchUnitsBelow(x.unitId)}
            onDone={() => setPanel(null)}
          />
        </Card>
      ) : null}
      {panel === 'report' ? (
        <Card size="small" title="Báo cáo kết quả thực hiện" className="panel">
          <ActivityForm tasks={x.tasks} endpoints={endpoints} onDone={() => setPanel(null)} />
        </Card>
      ) : null}
      <Card size="small" className="panel">
        <DispatchText dispatch={x.dispatch} tasks={x.tasks} />
        <AttachmentList attachments={x.attachments} urlOf={(a) => `/dispatches/${x.dispatchId}/attachments/${a.id}`} />
      </Card>
      <Card size="small" className="panel" title={`Đơn vị cấp dưới đã nhận (${x.children.length})`}>
        <ChildUnits rows={x.children} />
      </Card>
      <Card size="small" className="panel" title={`Hoạt động đã báo cáo (${x.activities.length})`}>
        <ActivityList activities={x.activities} endpoints={endpoints} />
      </Card>
    </div>
  );
}

function ChildUnits({ rows }: { rows: DeliveryRow[] }) {
  const { message } = App.useApp();
  const remind = useMutation({
    mutationFn: (id: string) => api.post<ReminderResultDto>(`/deliveries/${id}/remind`),
    onSuccess: (r) => void message.success(`Đã gửi nhắc (${r.messages} e-mail).`),
    onError: (e) => void message.error(e.message),
  });
  const remindButton = (r: DeliveryRow) =>
    !r.acknowledgedAt && r.status !== 'refused' && r.status !== 'recalled' ? (
      <Button
        size="small"
        aria-label={`Nhắc ${r.unitName}`}
        loading={remind.isPending && remind.variables === r.id}
        onClick={() => remind.mutate(r.id)}
      >
        Nhắc
      </Button>
    ) : null;
  return (
    <ResponsiveTable<DeliveryRow>
      ariaLabel="Đơn vị đã chuyển tiếp"
      rowKey="id"
      emptyText="Chưa chuyển tiếp cho đơn vị nào."
      dataSource={rows}
      pagination={rows.length > 20 ? { pageSize: 20 } : false}
      columns={[
        { title: 'Đơn vị', dataIndex: 'unitName' },
        { title: 'Trạng thái', key: 's', render: (_, r) => <DeliveryStatusTag status={r.status} /> },
        { title: 'Xác nhận lúc', key: 'a', render: (_, r) => fmtDateTime(r.acknowledgedAt) || '—' },
        { title: 'Hạn xác nhận', key: 'd', render: (_, r) => <Deadline at={r.ackDueAt} overdue={r.overdueAck} /> },
        { title: 'Thao tác', key: 'x', render: (_, r) => remindButton(r) },
      ]}
      card={(r) => (
        <div className="card-body">
          <div className="card-head">
            <strong>{r.unitName}</strong>
            <DeliveryStatusTag status={r.status} />
          </div>
          {r.acknowledgedAt ? <div className="muted small">Xác nhận lúc {fmtDateTime(r.acknowledgedAt)}</div> : null}
          {!r.acknowledgedAt && r.ackDueAt ? (
            <div className="small">
              Hạn: <Deadline at={r.ackDueAt} overdue={r.overdueAck} />
            </div>
          ) : null}
          <div>{remindButton(r)}</div>
        </div>
      )}
    />
  );
}

import { CheckOutlined, FileDoneOutlined, ShareAltOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Input, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { api } from '../api/http';
import type { AckLinkWorkspaceDto } from '../api/generated/types.gen';
import { ActivityForm, ActivityList, type ActivityEndpoints } from '../components/ActivityReport';
import { Deadline, DeliveryStatusTag, ErrorAlert, Loading } from '../components/common';
import { AttachmentList, DispatchText } from '../components/DispatchText';
import { RecalledNotice } from '../components/FollowUp';
import { ForwardForm } from '../components/ForwardForm';
import { LinkAccountCard } from '../components/LinkAccountCard';
import { fmtDateTime } from '../format';
import { PURPOSE } from '../vocab';

type LinkWorkspace = AckLinkWorkspaceDto;

/**
 * The page a commune reaches from its e-mail, with no account: confirm receipt, then report activities with
 * evidence and pass the dispatch to its own commune police, all scoped by the signed link to this one delivery;
 * and, where an admin allowed it and the unit has no account yet, create the unit's account.
 */
export default function LinkPage() {
  const { token = '' } = useParams();
  const base = `/ack-links/${encodeURIComponent(token)}`;
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [name, setName] = useState('');
  const [panel, setPanel] = useState<'forward' | 'report' | null>(null);
  const w = useQuery({ queryKey: ['link', token], queryFn: () => api.get<LinkWorkspace>(`${base}/workspace`), retry: false });
  const ack = useMutation({
    mutationFn: () => api.post(`${base}/acknowledge`, { name }),
    onSuccess: () => {
      void message.success(w.data?.delivery.mustReacknowledge ? 'Đã xác nhận lại phiên bản mới.' : 'Đã xác nhận đã nhận công văn.');
      void qc.invalidateQueries({ queryKey: ['link', token] });
    },
  });
  const recalled = w.data?.delivery.status === 'recalled';
  const reack = !!w.data?.delivery.mustReacknowledge && !recalled;
  const endpoints: ActivityEndpoints = {
    activities: `${base}/activities`,
    evidence: (id) => `${base}/activities/${id}/evidence`,
    evidenceFile: (a, e) => `${base}/activities/${a}/evidence/${e.id}`,
  };
  return (
    <div className="link-page">
      <header className="link-header">
        <img src="/favicon.svg" alt="" width={24} height={24} />
        <span>Theo dõi triển khai công văn</span>
      </header>
      <main id="main" className="page">
        {w.isLoading ? <Loading /> : null}
        <ErrorAlert error={w.error} />
        {w.data ? (
          <>
            <Typography.Title level={1} className="page-title">
              <span className={recalled ? 'recalled-text' : undefined} data-testid="delivery-title">
                Công văn {w.data.dispatch.number}/{w.data.dispatch.symbol}
              </span>
              {recalled ? (
                <Tag color="red" style={{ marginLeft: 8, verticalAlign: 'middle' }}>
                  Đã thu hồi
                </Tag>
              ) : null}
            </Typography.Title>
            <Typography.Paragraph className={recalled ? 'subject recalled-text' : 'subject'}>
              {w.data.dispatch.subject}
            </Typography.Paragraph>
            {recalled ? <RecalledNotice at={w.data.dispatch.recalledAt} reason={w.data.dispatch.recallReason} /> : null}
            {reack ? (
              <Alert
                type="warning"
                showIcon
                style={{ marginBottom: 12 }}
                title={`Công văn đã có phiên bản mới (phiên bản ${w.data.dispatch.version}): đơn vị cần xác nhận lại đã nhận.`}
              />
            ) : null}
            <Card size="small" className="status-card">
              <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
                <Descriptions.Item label="Đơn vị nhận">{w.data.unit.name}</Descriptions.Item>
                <Descriptions.Item label="Trạng thái">
                  <span id="delivery-status">
                    <DeliveryStatusTag status={w.data.delivery.status} />
                  </span>
                </Descriptions.Item>
                <Descriptions.Item label="Mục đích">{PURPOSE[w.data.delivery.purpose] ?? w.data.delivery.purpose}</Descriptions.Item>
                <Descriptions.Item label="Hạn xác nhận">
                  <Deadline at={w.data.delivery.ackDueAt} />
                </Descriptions.Item>
                <Descriptions.Item label="Hạn báo cáo">
                  <Deadline at={w.data.delivery.reportDueAt} />
                </Descriptions.Item>
                {w.data.delivery.instruction ? (
                  <Descriptions.Item label="Chỉ đạo của cấp trên">{w.data.delivery.instruction}</Descriptions.Item>
                ) : null}
                {w.data.delivery.acknowledgedAt ? (
                  <Descriptions.Item label="Đã xác nhận">
                    {w.data.delivery.ackByName} lúc {fmtDateTime(w.data.delivery.acknowledgedAt)}
                  </Descriptions.Item>
                ) : null}
              </Descriptions>
              {(!w.data.delivery.acknowledgedAt || reack) && w.data.delivery.status !== 'refused' && !recalled ? (
                <div className="ack-form">
                  <label htmlFor="ack-name">Họ tên người nhận</label>
                  <Space.Compact style={{ width: '100%', maxWidth: 520 }}>
                    <Input
                      id="ack-name"
                      value={name}
                      onChange={(e) => setName(e.target.value)}
                      placeholder="Ví dụ: Nguyễn Văn A, văn thư"
                    />
                    <Button
                      type="primary"
                      icon={<CheckOutlined />}
                      disabled={name.trim().length < 2}
                      loading={ack.isPending}
                      onClick={() => ack.mutate()}
                    >
                      {reack ? 'Xác nhận lại' : 'Xác nhận đã nhận'}
                    </Button>
                  </Space.Compact>
                  <ErrorAlert error={ack.error} style={{ marginTop: 8 }} />
                </div>
              ) : null}
              {w.data.delivery.acknowledgedAt && !recalled ? (
                <Space wrap style={{ marginTop: 8 }}>
                  <Button
                    type="primary"
                    icon={<FileDoneOutlined />}
                    aria-expanded={panel === 'report'}
                    onClick={() => setPanel(panel === 'report' ? null : 'report')}
                  >
                    Báo cáo kết quả
                  </Button>
                  {w.data.canForward ? (
                    <Button
                      icon={<ShareAltOutlined />}
                      aria-expanded={panel === 'forward'}
                      onClick={() => setPanel(panel === 'forward' ? null : 'forward')}
                    >
                      Chuyển tiếp
                    </Button>
                  ) : null}
                </Space>
              ) : null}
            </Card>
            {panel === 'report' ? (
              <Card size="small" className="panel" title="Báo cáo kết quả thực hiện">
                <ActivityForm tasks={w.data.tasks} endpoints={endpoints} onDone={() => setPanel(null)} />
              </Card>
            ) : null}
            {panel === 'forward' ? (
              <Card size="small" className="panel" title="Chuyển tiếp cho Công an xã">
                <ForwardForm
                  endpoint={`${base}/forward`}
                  own={w.data.delivery}
                  groups={['all_commune_police']}
                  onDone={() => setPanel(null)}
                />
              </Card>
            ) : null}
            {w.data.children.length ? (
              <Card size="small" className="panel" title="Đã chuyển tiếp cho">
                {w.data.children.map((c) => (
                  <div key={c.id} className="card-head">
                    <span>{c.unitName}</span>
                    <DeliveryStatusTag status={c.status} />
                  </div>
                ))}
              </Card>
            ) : null}
            <LinkAccountCard
              base={base}
              unitName={w.data.unit.name}
              state={w.data.accountSignup}
              onCreated={() => void qc.invalidateQueries({ queryKey: ['link', token] })}
            />
            <Card size="small" className="panel" title={`Hoạt động đã báo cáo (${w.data.activities.length})`}>
              <ActivityList activities={w.data.activities} endpoints={endpoints} />
            </Card>
            <Card size="small" className="panel">
              <DispatchText dispatch={w.data.dispatch} tasks={w.data.tasks} />
              <AttachmentList attachments={w.data.attachments} urlOf={(a) => `${base}/attachments/${a.id}`} />
            </Card>
          </>
        ) : null}
      </main>
    </div>
  );
}

import { DownloadOutlined, FileExcelOutlined, FilePdfOutlined, FileTextOutlined, MailOutlined, PrinterOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { App, Button, Card, Col, Progress, Row, Space, Statistic, Table, Tag, Tree, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api, saveBlob } from '../api/http';
import type { DispatchDetail, DispatchReport, ReportExport, TreeNode } from '../api/types';
import { DeliveryStatusTag, ErrorAlert, Loading, ResponsiveTable } from '../components/common';
import { AckCurve, channelLabel, CommuneTreemap, DistrictMap, MixChart, taskLabel } from '../components/ReportCharts';
import { fmtDateTime, fmtHours, fmtNumber, fmtPercent } from '../format';
import { can, useSession } from '../session';
import { FIGURE, LEVEL, label, OVERDUE } from '../vocab';

type Blocking = DispatchReport['blocking'][number];

/** One dispatch for leadership: figures, the map, the rollout tree, the curve, the activity mix, the blocking units, exports and the chase letter. */
export default function ReportPage() {
  const { id = '' } = useParams();
  const { me } = useSession();
  const navigate = useNavigate();
  const report = useQuery({
    queryKey: ['report', id],
    queryFn: () => api.get<DispatchReport>(`/dispatches/${id}/report`),
    refetchInterval: 15_000,
  });
  const dispatch = useQuery({ queryKey: ['dispatch', id], queryFn: () => api.get<DispatchDetail>(`/dispatches/${id}`) });
  const tree = useQuery({
    queryKey: ['tree', id],
    queryFn: () => api.get<{ roots: TreeNode[]; truncated: boolean }>(`/dispatches/${id}/tree`),
    enabled: can.lead(me),
  });
  const chase = useMutation({
    mutationFn: () => api.post<{ dispatchId: string; lateUnits: number }>(`/dispatches/${id}/chase`),
    onSuccess: (r) => void navigate(`/soan-cong-van/${r.dispatchId}`),
  });
  if (report.isLoading) return <Loading />;
  if (!report.data) return <ErrorAlert error={report.error} />;
  const r = report.data;
  const ref = `${r.dispatch.number}/${r.dispatch.symbol}`;
  const roots = tree.data?.roots ?? [];
  const d = dispatch.data;
  return (
    <div className="page report">
      <div className="crumbs no-print">
        <Link to="/bang-theo-doi">← Bảng theo dõi</Link>
      </div>
      <Typography.Title level={1} className="page-title">
        Báo cáo triển khai {ref}
      </Typography.Title>
      <Typography.Paragraph className="subject">{r.dispatch.subject}</Typography.Paragraph>
      <Typography.Paragraph type="secondary" className="small">
        Số liệu lúc {fmtDateTime(r.generatedAt)}
      </Typography.Paragraph>
      <Space wrap className="no-print" style={{ marginBottom: 12 }}>
        <ExportButtons dispatchId={id} />
        {can.lead(me) ? (
          <Button icon={<MailOutlined />} onClick={() => chase.mutate()} loading={chase.isPending}>
            Soạn công văn đôn đốc
          </Button>
        ) : null}
        <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
          In
        </Button>
      </Space>
      <ErrorAlert error={chase.error} />

      <Row gutter={[12, 12]} className="figures" aria-label="Số liệu chính">
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title="Đơn vị nhận" value={fmtNumber(r.total)} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title="Đã xác nhận" value={fmtNumber(r.levels.reduce((n, l) => n + l.acknowledged, 0))} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title="Độ phủ hoạt động" value={fmtPercent(r.activity.coverage)} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic
              title="Đơn vị tắc nghẽn"
              value={fmtNumber(r.blockingTotal)}
              valueStyle={r.blockingTotal ? { color: '#cf1322' } : undefined}
            />
          </Card>
        </Col>
      </Row>

      <Card size="small" className="panel" title="Theo cấp">
        <Table
          size="small"
          rowKey="level"
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={r.levels}
          aria-label="Số liệu theo cấp"
          columns={[
            { title: 'Cấp', key: 'l', render: (_, x) => label(LEVEL, x.level) },
            { title: FIGURE.total, dataIndex: 'total', align: 'right', render: fmtNumber },
            { title: FIGURE.sent, key: 'r', align: 'right', render: (_, x) => `${fmtNumber(x.reached)} (${fmtPercent(x.reachedShare)})` },
            {
              title: FIGURE.acknowledged,
              key: 'a',
              align: 'right',
              render: (_, x) => `${fmtNumber(x.acknowledged)} (${fmtPercent(x.acknowledgedShare)})`,
            },
            { title: FIGURE.onTime, key: 'o', align: 'right', render: (_, x) => `${fmtNumber(x.onTime)} (${fmtPercent(x.onTimeShare)})` },
            { title: FIGURE.late, dataIndex: 'late', align: 'right', render: fmtNumber },
            { title: FIGURE.refused, dataIndex: 'refused', align: 'right', render: fmtNumber },
          ]}
        />
        <p className="small muted">
          Thời gian xác nhận: trung vị {fmtHours(r.ackTime.medianHours)}, 90% trong {fmtHours(r.ackTime.p90Hours)}.
        </p>
      </Card>

      <Row gutter={[12, 12]}>
        <Col xs={24} lg={12}>
          <Card size="small" className="panel" title="Bản đồ hoàn thành theo huyện">
            {tree.isLoading ? <Loading /> : <DistrictMap roots={roots} />}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" className="panel" title="Xác nhận theo thời gian">
            {tree.isLoading ? (
              <Loading />
            ) : (
              <AckCurve
                roots={roots}
                start={r.dispatch.publishedAt}
                deadlines={[
                  { name: 'Hạn xác nhận', at: d?.ackDueAt ?? null },
                  { name: 'Hạn chuyển tiếp', at: d?.forwardDueAt ?? null },
                ]}
              />
            )}
          </Card>
          <Card size="small" className="panel" title="Các xã (không có ranh giới: sơ đồ ô)">
            {tree.isLoading ? <Loading /> : <CommuneTreemap roots={roots} />}
          </Card>
        </Col>
      </Row>

      <Row gutter={[12, 12]}>
        <Col xs={24} lg={12}>
          <Card size="small" className="panel" title="Hoạt động theo hình thức">
            {r.activity.byChannel.length ? (
              <MixChart rows={r.activity.byChannel} title="Hoạt động theo hình thức" keyLabel={channelLabel} />
            ) : (
              <p className="muted">Chưa có hoạt động nào.</p>
            )}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" className="panel" title="Hoạt động theo nhiệm vụ">
            {r.activity.byTask.length ? (
              <MixChart rows={r.activity.byTask} title="Hoạt động theo nhiệm vụ" keyLabel={taskLabel} />
            ) : (
              <p className="muted">Chưa có hoạt động nào.</p>
            )}
          </Card>
        </Col>
      </Row>

      <Card size="small" className="panel" title={`Đơn vị tắc nghẽn (${fmtNumber(r.blockingTotal)})`}>
        <ResponsiveTable<Blocking>
          ariaLabel="Đơn vị tắc nghẽn"
          rowKey="deliveryId"
          emptyText="Không có đơn vị nào chậm."
          dataSource={r.blocking}
          pagination={r.blocking.length > 20 ? { pageSize: 20 } : false}
          columns={[
            { title: 'Đơn vị', dataIndex: 'unitName' },
            { title: 'Cấp', key: 'l', render: (_, b) => label(LEVEL, b.level) },
            { title: 'Lý do', key: 'why', render: (_, b) => <BlockReason b={b} /> },
            { title: 'Hạn đã lỡ', key: 'due', render: (_, b) => fmtDateTime(b.overdueAck ? b.ackDueAt : b.forwardDueAt) },
            { title: 'Đơn vị chờ phía dưới', dataIndex: 'waitingBelow', align: 'right', render: fmtNumber },
          ]}
          card={(b) => (
            <div className="card-body">
              <strong>{b.unitName}</strong>
              <BlockReason b={b} />
              <div className="small">Hạn đã lỡ: {fmtDateTime(b.overdueAck ? b.ackDueAt : b.forwardDueAt)}</div>
              {b.waitingBelow ? <div className="small">{fmtNumber(b.waitingBelow)} đơn vị phía dưới đang chờ</div> : null}
            </div>
          )}
        />
      </Card>

      {can.lead(me) ? (
        <Card size="small" className="panel" title="Cây triển khai: tỉnh → huyện → xã">
          {tree.isLoading ? <Loading /> : <RolloutTree roots={roots} />}
          <ErrorAlert error={tree.error} />
        </Card>
      ) : null}
    </div>
  );
}

function BlockReason({ b }: { b: Blocking }) {
  return (
    <Space size={4} wrap>
      {b.overdueAck ? <Tag color="red">Chưa xác nhận</Tag> : null}
      {b.overdueForward ? <Tag color="orange">Chưa chuyển tiếp</Tag> : null}
      <DeliveryStatusTag status={b.status} />
    </Space>
  );
}

function RolloutTree({ roots }: { roots: TreeNode[] }) {
  interface Node {
    key: string;
    title: React.ReactNode;
    children: Node[];
  }
  const toData = (n: TreeNode): Node => {
    const below = n.children.length;
    const acked = n.children.filter((c) => c.acknowledgedAt).length;
    return {
      key: n.id,
      title: (
        <span className="tree-node">
          <Link to={`/cong-van-den/${n.id}`}>{n.unitName}</Link> <DeliveryStatusTag status={n.status} />
          {below ? (
            <span className="small muted">
              {' '}
              {acked}/{below} đơn vị dưới đã xác nhận
            </span>
          ) : null}
          {n.activityCount ? <Tag color="green">{n.activityCount} hoạt động</Tag> : null}
          {/* Which deadline was missed, by name: an on-time acknowledgement never reads as late. */}
          {n.overdueAck ? <Tag color="red">{OVERDUE.ack}</Tag> : null}
          {n.overdueForward ? <Tag color="red">{OVERDUE.forward}</Tag> : null}
        </span>
      ),
      children: n.children.map(toData),
    };
  };
  return <Tree treeData={roots.map(toData)} defaultExpandedKeys={[]} blockNode showLine aria-label="Cây triển khai" />;
}

const EXPORTS = [
  { format: 'pdf', label: 'Xuất PDF', icon: <FilePdfOutlined /> },
  { format: 'xlsx', label: 'Xuất Excel', icon: <FileExcelOutlined /> },
  { format: 'csv', label: 'Xuất CSV', icon: <FileTextOutlined /> },
] as const;

/** The three exports: the worker makes the file while the button shows its progress; then it downloads. */
function ExportButtons({ dispatchId }: { dispatchId: string }) {
  return (
    <>
      {EXPORTS.map((e) => (
        <ExportButton key={e.format} dispatchId={dispatchId} {...e} />
      ))}
    </>
  );
}

function ExportButton({
  dispatchId,
  format,
  label: text,
  icon,
}: {
  dispatchId: string;
  format: string;
  label: string;
  icon: React.ReactNode;
}) {
  const { message } = App.useApp();
  const [job, setJob] = useState<string | null>(null);
  const start = useMutation({
    mutationFn: () => api.post<{ id: string }>(`/dispatches/${dispatchId}/report/exports`, { format }),
    onSuccess: (r) => setJob(r.id),
  });
  const status = useQuery({
    queryKey: ['export', job],
    queryFn: () => api.get<ReportExport>(`/report-exports/${job}`),
    enabled: !!job,
    refetchInterval: (q) => (q.state.data && ['done', 'failed'].includes(q.state.data.status) ? false : 800),
  });
  const s = status.data;
  const download = useMutation({
    mutationFn: async () => {
      const { blob, name } = await api.blob(`/report-exports/${job}/download`);
      saveBlob(blob, name ?? s?.fileName ?? `bao-cao.${format}`);
    },
    onSuccess: () => void message.success('Đã tải tệp về.'),
  });
  const ready = s?.status === 'done';
  useEffect(() => {
    if (ready) download.mutate();
    // Download once, when the file becomes ready.
  }, [ready]);
  const busy = start.isPending || (!!job && !ready && s?.status !== 'failed');
  return (
    <span className="export" data-format={format}>
      <Button
        icon={icon}
        loading={busy}
        onClick={() => {
          setJob(null);
          start.mutate();
        }}
      >
        {text}
      </Button>
      {job && s && !ready && s.status !== 'failed' ? (
        <Progress
          percent={s.progress}
          size="small"
          style={{ width: 100, display: 'inline-flex', marginLeft: 6 }}
          aria-label={`${text}: ${s.progress}%`}
        />
      ) : null}
      {ready ? (
        <Button type="link" icon={<DownloadOutlined />} onClick={() => download.mutate()} data-testid={`download-${format}`}>
          {s?.fileName ?? 'Tải về'}
        </Button>
      ) : null}
      {s?.status === 'failed' ? <Tag color="red">{s.error ?? 'Lỗi khi tạo tệp'}</Tag> : null}
      <ErrorAlert error={start.error ?? download.error} />
    </span>
  );
}

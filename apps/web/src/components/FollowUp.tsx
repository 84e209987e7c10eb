import { InboxOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Form, Input, InputNumber, Modal, Progress, Radio, Select, Space, Tag, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { useState } from 'react';
import type {
  DispatchRemindersDto,
  DispatchVersionsDto,
  NewVersionResultDto,
  RecallResultDto,
  ReminderHistoryItemDto,
  ReminderPlanStepDto,
  ReminderRuleDto,
  ReminderRuleInForceDto,
} from '../api/generated/types.gen';
import { api } from '../api/http';
import { fmtDateTime, fmtDayTime, fmtNumber } from '../format';
import { CADENCE_UNIT, REMINDER_STEP, URGENCY, VERSION_KIND, label } from '../vocab';
import { ErrorAlert, ResponsiveTable } from './common';

/** What the follow-up screens need of the dispatch (GET /dispatches/:id). */
export interface FollowUpDispatch {
  id: string;
  status: string;
  subject: string;
  body: string;
  urgency: string;
  version: number;
  recalledAt: string | null;
  recallReason: string | null;
}

const invalidateAll = (qc: ReturnType<typeof useQueryClient>) => void qc.invalidateQueries();

/** "Đã thu hồi" with the reason and the time, where a recalled dispatch or delivery is shown. */
export function RecalledNotice({ at, reason }: { at: string | null | undefined; reason: string | null | undefined }) {
  return (
    <Alert
      type="error"
      showIcon
      className="recalled-notice"
      style={{ marginBottom: 12 }}
      title={
        <Space wrap size={6}>
          <Tag color="red">Đã thu hồi</Tag>
          {at ? <span>lúc {fmtDateTime(at)}</span> : null}
        </Space>
      }
      description={
        <>
          <div>Lý do thu hồi: {reason ?? '—'}</div>
          <div className="muted small">Công văn chỉ còn để tra cứu: không xác nhận, chuyển tiếp hay báo cáo được nữa.</div>
        </>
      }
    />
  );
}

/** "Thu hồi": the reason is required; every delivery down the cascade becomes read-only. */
export function RecallButton({ dispatchId }: { dispatchId: string }) {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const recall = useMutation({
    mutationFn: () => api.post<RecallResultDto>(`/dispatches/${dispatchId}/recall`, { reason: reason.trim() }),
    onSuccess: (r) => {
      setOpen(false);
      void message.success(`Đã thu hồi công văn (${fmtNumber(r.deliveriesRecalled)} lượt nhận).`);
      invalidateAll(qc);
    },
  });
  return (
    <>
      <Button danger onClick={() => setOpen(true)}>
        Thu hồi
      </Button>
      <Modal
        open={open}
        title="Thu hồi công văn"
        okText="Thu hồi"
        cancelText="Huỷ"
        okButtonProps={{ danger: true, disabled: reason.trim().length < 5, loading: recall.isPending }}
        onOk={() => recall.mutate()}
        onCancel={() => setOpen(false)}
      >
        <ErrorAlert error={recall.error} />
        <p>Mọi đơn vị đã nhận (kể cả đơn vị được chuyển tiếp) sẽ được báo thu hồi; công văn chỉ còn để tra cứu.</p>
        <label htmlFor="recall-reason">Lý do thu hồi (bắt buộc)</label>
        <Input.TextArea id="recall-reason" rows={3} value={reason} maxLength={2000} onChange={(e) => setReason(e.target.value)} />
      </Modal>
    </>
  );
}

interface VersionForm {
  kind: 'replacement' | 'correction';
  note: string;
  subject: string;
  body: string;
}

/** "Văn bản thay thế / đính chính": new files and/or a corrected subject or body; units that acknowledged must do it again. */
export function NewVersionButton({ dispatch }: { dispatch: FollowUpDispatch }) {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [form] = Form.useForm<VersionForm>();
  const kind = Form.useWatch('kind', form);
  const submit = useMutation({
    mutationFn: (v: VersionForm) => {
      const body = new FormData();
      body.append('kind', v.kind);
      body.append('note', v.note.trim());
      // Only what changed: an unchanged subject or body is not sent, so it is not recorded as corrected.
      if (v.subject.trim() && v.subject.trim() !== dispatch.subject) body.append('subject', v.subject.trim());
      if (v.body.trim() && v.body.trim() !== dispatch.body.trim()) body.append('body', v.body);
      for (const f of files) body.append('files', f.originFileObj as File, f.name);
      return api.post<NewVersionResultDto>(`/dispatches/${dispatch.id}/versions`, body);
    },
    onSuccess: (r) => {
      setOpen(false);
      setFiles([]);
      void message.success(`Đã ban hành phiên bản ${r.version}: ${fmtNumber(r.mustReacknowledge)} đơn vị phải xác nhận lại.`);
      invalidateAll(qc);
    },
  });
  const start = () => {
    form.setFieldsValue({ kind: 'replacement', note: '', subject: dispatch.subject, body: dispatch.body });
    setFiles([]);
    submit.reset();
    setOpen(true);
  };
  return (
    <>
      <Button onClick={start}>Văn bản thay thế / đính chính</Button>
      <Modal
        open={open}
        title="Văn bản thay thế / đính chính"
        okText="Ban hành phiên bản mới"
        cancelText="Huỷ"
        width={720}
        okButtonProps={{ loading: submit.isPending }}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
      >
        <Form<VersionForm> form={form} layout="vertical" onFinish={(v) => submit.mutate(v)} aria-label="Phiên bản mới">
          <ErrorAlert error={submit.error} />
          <Form.Item name="kind" label="Loại">
            <Radio.Group
              options={Object.entries(VERSION_KIND).map(([value, text]) => ({ value, label: text }))}
              optionType="button"
              buttonStyle="solid"
            />
          </Form.Item>
          <Form.Item
            name="note"
            label="Nội dung thay đổi"
            rules={[{ required: true, min: 5, whitespace: true, message: 'Nêu nội dung thay đổi (ít nhất 5 ký tự).' }]}
          >
            <Input.TextArea rows={2} maxLength={2000} placeholder="Ví dụ: Thay tệp ký số bị lỗi chữ ký." />
          </Form.Item>
          <Form.Item
            label={kind === 'replacement' ? 'Tệp văn bản thay thế (bắt buộc)' : 'Tệp đính kèm mới (nếu có)'}
            extra="Tệp mới thay cho toàn bộ tệp đính kèm hiện hành."
          >
            <Upload.Dragger multiple fileList={files} beforeUpload={() => false} onChange={({ fileList }) => setFiles(fileList)}>
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p>Kéo thả tệp vào đây hoặc bấm để chọn</p>
            </Upload.Dragger>
          </Form.Item>
          <Form.Item name="subject" label="Trích yếu (sửa nếu đính chính)">
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
          <Form.Item name="body" label="Nội dung (sửa nếu đính chính)">
            <Input.TextArea rows={6} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

/**
 * The version in force and the re-acknowledgement progress ("Xác nhận lại: 3/5 đơn vị"); once recalled
 * (or closed) nobody is asked any more, so only the versions are listed.
 */
export function VersionsCard({ dispatchId, inForce }: { dispatchId: string; inForce: boolean }) {
  const v = useQuery({
    queryKey: ['versions', dispatchId],
    queryFn: () => api.get<DispatchVersionsDto>(`/dispatches/${dispatchId}/versions`),
    refetchInterval: 5000,
  });
  if (!v.data || v.data.version === 1) return null;
  const { version, versions, reacknowledgement: r } = v.data;
  const latest = versions[0];
  return (
    <Card size="small" className="panel" title={`Phiên bản hiện hành: ${version}`} data-testid="versions-card">
      {latest ? (
        <p>
          <Tag color="purple">{label(VERSION_KIND, latest.kind)}</Tag>
          {latest.note} <span className="muted small">({fmtDateTime(latest.createdAt)})</span>
        </p>
      ) : null}
      {inForce && r.required ? (
        <div aria-label="Tiến độ xác nhận lại" data-testid="reack-progress">
          <strong>
            Xác nhận lại: {fmtNumber(r.done)}/{fmtNumber(r.required)} đơn vị
          </strong>
          {r.awaiting ? <span className="muted"> · còn {fmtNumber(r.awaiting)} đơn vị chưa xác nhận lại</span> : null}
          <Progress percent={Math.round((r.done / r.required) * 100)} size="small" />
        </div>
      ) : null}
      {inForce && !r.required ? (
        <p className="muted">Chưa đơn vị nào xác nhận phiên bản trước: không có đơn vị phải xác nhận lại.</p>
      ) : null}
      {versions.length > 1 ? (
        <ul className="plain-list small">
          {versions.slice(1).map((x) => (
            <li key={x.version}>
              Phiên bản {x.version} · {label(VERSION_KIND, x.kind)} · {x.note} ({fmtDateTime(x.createdAt)})
            </li>
          ))}
        </ul>
      ) : null}
    </Card>
  );
}

/** "sau 2 ngày làm việc", "3 giờ" */
const amount = (n: number, unit: string) => `${fmtNumber(n)} ${label(CADENCE_UNIT, unit)}`;

function RuleText({ rule, urgency }: { rule: ReminderRuleInForceDto; urgency: string }) {
  return (
    <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }} className="follow-up-grid">
      <Descriptions.Item label="Áp dụng">
        {rule.own ? <Tag color="blue">Quy định riêng của công văn</Tag> : <Tag>Theo độ khẩn {URGENCY[urgency]?.label ?? urgency}</Tag>}
      </Descriptions.Item>
      <Descriptions.Item label="Nhắc trước hạn">
        {rule.before ? `trước ${amount(rule.before, rule.cadenceUnit)}` : 'không'}
      </Descriptions.Item>
      <Descriptions.Item label="Nhắc sau hạn">
        {rule.maxAfter ? `mỗi ${amount(rule.every, rule.cadenceUnit)}, tối đa ${fmtNumber(rule.maxAfter)} lần` : 'không'}
      </Descriptions.Item>
      <Descriptions.Item label="Báo đơn vị cấp trên">
        {rule.escalateAfter ? `sau hạn ${amount(rule.escalateAfter, rule.cadenceUnit)}` : 'ngay khi quá hạn'}
      </Descriptions.Item>
    </Descriptions>
  );
}

function RuleEditor({ dispatchId, rule, onDone }: { dispatchId: string; rule: ReminderRuleInForceDto; onDone: () => void }) {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<Required<ReminderRuleDto>>();
  const save = useMutation({
    mutationFn: (v: Required<ReminderRuleDto>) => api.put<ReminderRuleInForceDto>(`/dispatches/${dispatchId}/reminder-rule`, v),
    onSuccess: () => {
      void message.success('Đã lưu quy định nhắc việc.');
      void qc.invalidateQueries({ queryKey: ['reminders', dispatchId] });
      onDone();
    },
  });
  const number = (name: keyof ReminderRuleDto, text: string, min: number, max: number) => (
    <Form.Item name={name} label={text} rules={[{ required: true, type: 'integer', min, max, message: `Từ ${min} đến ${max}.` }]}>
      <InputNumber min={min} max={max} style={{ width: '100%' }} />
    </Form.Item>
  );
  return (
    <Form<Required<ReminderRuleDto>>
      form={form}
      layout="vertical"
      aria-label="Quy định nhắc việc"
      initialValues={rule}
      onFinish={(v) => save.mutate(v)}
      className="panel"
    >
      <ErrorAlert error={save.error} />
      <Space wrap align="end" size={12}>
        <Form.Item name="cadenceUnit" label="Tính theo">
          <Select style={{ width: 160 }} options={Object.entries(CADENCE_UNIT).map(([value, text]) => ({ value, label: text }))} />
        </Form.Item>
        {number('before', 'Nhắc trước hạn', 0, 240)}
        {number('every', 'Nhắc lại sau hạn mỗi', 1, 240)}
        {number('maxAfter', 'Số lần nhắc sau hạn tối đa', 0, 50)}
        {number('escalateAfter', 'Báo cấp trên sau hạn', 0, 240)}
      </Space>
      <Space>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          Lưu quy định
        </Button>
        <Button onClick={onDone}>Huỷ</Button>
      </Space>
    </Form>
  );
}

/** "Nhắc việc": the rule in force (and its editor), the plan of each deadline, and who was reminded how often. */
export function RemindersCard({ dispatch, canEdit }: { dispatch: FollowUpDispatch; canEdit: boolean }) {
  const [editing, setEditing] = useState(false);
  const [page, setPage] = useState(1);
  const q = useQuery({
    queryKey: ['reminders', dispatch.id, page],
    queryFn: () => api.get<DispatchRemindersDto>(`/dispatches/${dispatch.id}/reminders`, { page, limit: 20 }),
    refetchInterval: 10_000,
    placeholderData: (p) => p,
  });
  const d = q.data;
  const times = (list: string[]) => (list.length ? list.map(fmtDayTime).join(', ') : '—');
  return (
    <Card
      size="small"
      className="panel"
      title="Nhắc việc"
      data-testid="reminders-card"
      extra={
        canEdit && d && !editing ? (
          <Button size="small" onClick={() => setEditing(true)}>
            Sửa quy định nhắc
          </Button>
        ) : null
      }
    >
      <ErrorAlert error={q.error} />
      {d ? (
        <>
          {editing ? <RuleEditor dispatchId={dispatch.id} rule={d.rule} onDone={() => setEditing(false)} /> : null}
          <RuleText rule={d.rule} urgency={dispatch.urgency} />
          <ResponsiveTable<ReminderPlanStepDto>
            ariaLabel="Kế hoạch nhắc"
            rowKey="step"
            emptyText="Công văn không đặt hạn nên không có lịch nhắc."
            dataSource={d.plan}
            pagination={false}
            columns={[
              { title: 'Bước', key: 's', render: (_, p) => label(REMINDER_STEP, p.step) },
              { title: 'Hạn', key: 'd', render: (_, p) => fmtDayTime(p.dueAt) },
              { title: 'Nhắc trước hạn', key: 'b', render: (_, p) => (p.beforeAt ? fmtDayTime(p.beforeAt) : '—') },
              { title: 'Nhắc sau hạn', key: 'a', render: (_, p) => times(p.afterAt) },
              { title: 'Báo cấp trên', key: 'e', render: (_, p) => (p.escalateAt ? fmtDayTime(p.escalateAt) : '—') },
            ]}
            card={(p) => (
              <div className="card-body">
                <div className="card-head">
                  <strong>{label(REMINDER_STEP, p.step)}</strong>
                  <span>Hạn {fmtDayTime(p.dueAt)}</span>
                </div>
                <div className="small">Nhắc trước hạn: {p.beforeAt ? fmtDayTime(p.beforeAt) : '—'}</div>
                <div className="small">Nhắc sau hạn: {times(p.afterAt)}</div>
                <div className="small">Báo cấp trên: {p.escalateAt ? fmtDayTime(p.escalateAt) : '—'}</div>
              </div>
            )}
          />
          <h3 className="section-title" style={{ marginTop: 12 }}>
            Lịch sử nhắc: {fmtNumber(d.history.unitsReminded)} đơn vị, {fmtNumber(d.history.reminders)} lần nhắc,{' '}
            {fmtNumber(d.history.escalations)} lần báo cấp trên
          </h3>
          <ResponsiveTable<ReminderHistoryItemDto>
            ariaLabel="Lịch sử nhắc"
            rowKey="deliveryId"
            emptyText="Chưa nhắc đơn vị nào."
            dataSource={d.history.items}
            pagination={
              d.history.unitsReminded > 20
                ? { current: page, pageSize: 20, total: d.history.unitsReminded, showSizeChanger: false, onChange: setPage }
                : false
            }
            columns={[
              { title: 'Đơn vị', dataIndex: 'unitName' },
              { title: 'Đã nhắc', key: 's', render: (_, h) => <span data-testid="reminder-summary">{h.summary}</span> },
              { title: 'Bước', key: 'st', render: (_, h) => h.steps.map((s) => label(REMINDER_STEP, s)).join(', ') },
              { title: 'Nhắc tay', key: 'm', render: (_, h) => (h.manual ? fmtNumber(h.manual) : '—') },
            ]}
            card={(h) => (
              <div className="card-body">
                <strong>{h.unitName}</strong>
                <div data-testid="reminder-summary">{h.summary}</div>
                <div className="muted small">{h.steps.map((s) => label(REMINDER_STEP, s)).join(', ')}</div>
              </div>
            )}
          />
        </>
      ) : null}
    </Card>
  );
}

import { CameraOutlined, InboxOutlined, WarningOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, Form, Input, InputNumber, Row, Select, Space, Tag, Typography, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../api/http';
import type { Activity, Evidence, Task } from '../api/types';
import { fmtBytes, fmtDate, fmtNumber, todayVn } from '../format';
import { CHANNEL, label } from '../vocab';
import { EmptyState, ErrorAlert } from './common';

/** A task's text without its `**bold**` marks, for a one-line label. */
const plain = (text: string) => text.replace(/\*\*/g, '');
import { VnDate } from './DateFields';

/** Where a delivery's activities live: under /deliveries/:id when signed in, under /ack-links/:token from the e-mail link. */
export interface ActivityEndpoints {
  activities: string;
  evidence: (activityId: string) => string;
  evidenceFile: (activityId: string, ev: Evidence) => string;
}

interface FormValues {
  taskNumber?: number;
  channel: string;
  occurredOn: string;
  place?: string;
  reach?: number;
  quantity?: number;
  links?: string;
  description?: string;
}

/** "Báo cáo kết quả": one activity per task and channel, with photo, video or document evidence (the phone camera works). */
export function ActivityForm({ tasks, endpoints, onDone }: { tasks: Task[]; endpoints: ActivityEndpoints; onDone?: () => void }) {
  const [form] = Form.useForm<FormValues>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const { message } = App.useApp();
  const qc = useQueryClient();
  const taskNumber = Form.useWatch('taskNumber', form);
  const task = tasks.find((t) => t.number === taskNumber);
  const channels = task?.channels?.length ? task.channels : Object.keys(CHANNEL);
  useEffect(() => {
    const current = form.getFieldValue('channel') as string | undefined;
    if (current && !channels.includes(current)) form.setFieldValue('channel', undefined);
  }, [channels, form]);

  const submit = useMutation({
    mutationFn: async (v: FormValues) => {
      const created = await api.post<Activity>(endpoints.activities, {
        taskNumber: v.taskNumber ?? null,
        channel: v.channel,
        occurredOn: v.occurredOn,
        place: v.place || null,
        reach: v.reach ?? null,
        quantity: v.quantity ?? null,
        links: v.links ? v.links.split(/\s+/).filter(Boolean) : null,
        description: v.description || null,
      });
      for (const f of files) {
        const body = new FormData();
        body.append('file', f.originFileObj as File, f.name);
        await api.post(endpoints.evidence(created.id), body);
      }
      return created;
    },
    onSuccess: () => {
      void message.success('Đã ghi nhận kết quả thực hiện.');
      form.resetFields();
      setFiles([]);
      void qc.invalidateQueries();
      onDone?.();
    },
  });

  return (
    <Form<FormValues>
      form={form}
      layout="vertical"
      onFinish={(v) => submit.mutate(v)}
      initialValues={{ occurredOn: todayVn(), taskNumber: tasks[0]?.number }}
      aria-label="Báo cáo kết quả"
    >
      <ErrorAlert error={submit.error} />
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item label="Nhiệm vụ" name="taskNumber">
            <Select
              allowClear
              options={tasks.map((t) => ({
                value: t.number,
                label: `${t.number}. ${plain(t.text).slice(0, 80)}${plain(t.text).length > 80 ? '…' : ''}`,
              }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label="Hình thức" name="channel" rules={[{ required: true, message: 'Chọn hình thức tuyên truyền.' }]}>
            <Select aria-label="Hình thức" options={channels.map((c) => ({ value: c, label: label(CHANNEL, c) }))} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item label="Ngày thực hiện" name="occurredOn" rules={[{ required: true, message: 'Nhập ngày thực hiện.' }]}>
            <VnDate max={todayVn()} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item label="Số người được tuyên truyền" name="reach">
            <InputNumber min={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item label="Số lượng (buổi, lượt, tờ)" name="quantity">
            <InputNumber min={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item label="Địa điểm" name="place">
            <Input />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item label="Đường dẫn bài đăng (nếu có)" name="links">
            <Input placeholder="https://…" />
          </Form.Item>
          <Form.Item label="Mô tả" name="description">
            <Input.TextArea rows={2} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label="Minh chứng (ảnh, video, tài liệu)">
        <Space direction="vertical" style={{ width: '100%' }}>
          <Upload.Dragger
            multiple
            fileList={files}
            beforeUpload={() => false}
            onChange={({ fileList }) => setFiles(fileList)}
            accept="image/*,video/*,application/pdf,.doc,.docx,.xls,.xlsx,.odt"
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p>Kéo thả tệp vào đây hoặc bấm để chọn</p>
          </Upload.Dragger>
          <Upload
            accept="image/*,video/*"
            capture="environment"
            showUploadList={false}
            beforeUpload={(file) => {
              setFiles((f) => [
                ...f,
                { uid: `${Date.now()}-${file.name}`, name: file.name, originFileObj: file as UploadFile['originFileObj'] },
              ]);
              return false;
            }}
          >
            <Button icon={<CameraOutlined />}>Chụp ảnh, quay video</Button>
          </Upload>
        </Space>
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={submit.isPending}>
        Gửi báo cáo
      </Button>
    </Form>
  );
}

/** The reported activities with their evidence (photos shown) and anomaly flags explained. */
export function ActivityList({ activities, endpoints }: { activities: Activity[]; endpoints: ActivityEndpoints }) {
  if (!activities.length) return <EmptyState text="Chưa có hoạt động nào được báo cáo." />;
  return (
    <div className="activity-list" aria-label="Hoạt động đã báo cáo" role="list">
      {activities.map((a) => (
        <Card key={a.id} size="small" role="listitem" className={a.withdrawn ? 'withdrawn' : undefined}>
          <div className="card-head">
            <strong>{label(CHANNEL, a.channel)}</strong>
            <span>{fmtDate(a.occurredOn)}</span>
          </div>
          <div className="muted small">
            {a.unit?.name}
            {a.taskNumber ? ` · Nhiệm vụ ${a.taskNumber}` : ''}
            {a.place ? ` · ${a.place}` : ''}
          </div>
          {a.reach != null || a.quantity != null ? (
            <div>
              {a.reach != null ? `${fmtNumber(a.reach)} người` : ''}
              {a.reach != null && a.quantity != null ? ' · ' : ''}
              {a.quantity != null ? `số lượng ${fmtNumber(a.quantity)}` : ''}
            </div>
          ) : null}
          {a.description ? <Typography.Paragraph style={{ margin: '4px 0' }}>{a.description}</Typography.Paragraph> : null}
          {a.links?.map((l) => (
            <div key={l}>
              <a href={l} target="_blank" rel="noreferrer noopener">
                {l}
              </a>
            </div>
          ))}
          {a.flags.length ? (
            <Space direction="vertical" size={2} style={{ marginTop: 4 }}>
              {a.flags.map((f, i) => (
                <Tag key={f} color="warning" icon={<WarningOutlined />} style={{ whiteSpace: 'normal' }}>
                  {a.flagNotes?.[i] ?? f}
                </Tag>
              ))}
            </Space>
          ) : null}
          {a.withdrawn ? <Tag>Đã rút: {a.withdrawn.reason}</Tag> : null}
          {a.evidence.length ? (
            <div className="evidence">
              {a.evidence.map((e) => (
                <EvidenceThumb key={e.id} ev={e} url={endpoints.evidenceFile(a.id, e)} />
              ))}
            </div>
          ) : null}
        </Card>
      ))}
    </div>
  );
}

function EvidenceThumb({ ev, url }: { ev: Evidence; url: string }) {
  const [src, setSrc] = useState<string | null>(null);
  const image = ev.contentType.startsWith('image/');
  useEffect(() => {
    if (!image) return;
    let revoke: string | null = null;
    api
      .blob(url)
      .then(({ blob }) => {
        revoke = URL.createObjectURL(blob);
        setSrc(revoke);
      })
      .catch(() => setSrc(null));
    return () => {
      if (revoke) URL.revokeObjectURL(revoke);
    };
  }, [url, image]);
  const open = async () => {
    const { blob } = await api.blob(url);
    window.open(URL.createObjectURL(blob), '_blank', 'noopener');
  };
  return (
    <button type="button" className="evidence-item" onClick={() => void open()} title={ev.fileName}>
      {src ? <img src={src} alt={`Minh chứng: ${ev.fileName}`} /> : <span className="evidence-file">{ev.fileName}</span>}
      <span className="small muted">{fmtBytes(ev.sizeBytes)}</span>
      {ev.duplicateOfUnit ? <Tag color="warning">Trùng với {ev.duplicateOfUnit.name}</Tag> : null}
    </button>
  );
}

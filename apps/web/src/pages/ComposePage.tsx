import { DeleteOutlined, InboxOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, Form, Input, InputNumber, Row, Select, Space, Statistic, Table, Tag, Typography, Upload } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { api } from '../api/http';
import type {
  ActivityChannel,
  CreateDispatchDto,
  DispatchDetail,
  ParsedDispatchTextDto,
  Preview,
  RecipientDto,
  RecipientGroup,
  RecipientPurpose,
  Urgency,
} from '../api/types';
import { EmptyState, ErrorAlert, Loading } from '../components/common';
import { AttachmentList } from '../components/DispatchText';
import { useActingUnits, UnitTreePicker } from '../components/UnitPicker';
import { fmtNumber, fromLocalInput, toLocalInput, todayVn } from '../format';
import { CHANNEL, GROUP, LEVEL, PURPOSE, URGENCY, label } from '../vocab';
import { VnDate, VnDateTime } from '../components/DateFields';

/** A line of the recipients form: a group, or units picked from the tree, with one purpose. */
interface RecipientLine {
  group?: RecipientGroup;
  unitIds?: string[];
  purpose: RecipientPurpose;
}

/** The form's own shape (multi-line text areas, local date-times); toDto turns it into the api's CreateDispatchDto. */
interface Values {
  headerAuthority?: string;
  headerIssuer: string;
  number: number;
  symbol: string;
  issuedDate: string;
  issuedPlace: string;
  documentType: string;
  subject: string;
  body: string;
  urgency: Urgency;
  addresseeLines?: string;
  distributionLines?: string;
  signerRank?: string;
  signerName: string;
  signerTitle?: string;
  tasks: { number: number; text: string; channels?: ActivityChannel[] }[];
  recipients: RecipientLine[];
  ackDueAt?: string;
  forwardDueAt?: string;
  reportDueAt?: string;
}

const lines = (s?: string) =>
  (s ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

function toDto(v: Values): CreateDispatchDto {
  return {
    headerAuthority: v.headerAuthority || undefined,
    headerIssuer: v.headerIssuer,
    number: v.number,
    symbol: v.symbol,
    issuedDate: v.issuedDate,
    issuedPlace: v.issuedPlace,
    documentType: v.documentType,
    subject: v.subject,
    body: v.body,
    urgency: v.urgency,
    addresseeLines: lines(v.addresseeLines),
    distributionLines: lines(v.distributionLines),
    signerRank: v.signerRank || undefined,
    signerName: v.signerName,
    signerTitle: v.signerTitle || undefined,
    tasks: (v.tasks ?? []).map((t, i) => ({ number: t.number ?? i + 1, text: t.text, channels: t.channels ?? [] })),
    recipients: (v.recipients ?? []).flatMap((r): RecipientDto[] =>
      r.group ? [{ purpose: r.purpose, group: r.group }] : (r.unitIds ?? []).map((unitId) => ({ purpose: r.purpose, unitId })),
    ),
    ackDueAt: fromLocalInput(v.ackDueAt ?? ''),
    forwardDueAt: fromLocalInput(v.forwardDueAt ?? ''),
    reportDueAt: fromLocalInput(v.reportDueAt ?? ''),
  };
}

function fromDispatch(d: DispatchDetail): Partial<Values> {
  const byPurpose = new Map<RecipientPurpose, string[]>();
  const groups: RecipientLine[] = [];
  for (const r of d.recipients) {
    if (r.groupKind) groups.push({ group: r.groupKind, purpose: r.purpose });
    else if (r.unitId) byPurpose.set(r.purpose, [...(byPurpose.get(r.purpose) ?? []), r.unitId]);
  }
  return {
    headerAuthority: d.headerAuthority ?? undefined,
    headerIssuer: d.headerIssuer,
    number: d.number,
    symbol: d.symbol,
    issuedDate: d.issuedDate,
    issuedPlace: d.issuedPlace,
    documentType: d.documentType,
    subject: d.subject,
    body: d.body,
    urgency: d.urgency,
    addresseeLines: (d.addresseeLines ?? []).join('\n'),
    distributionLines: (d.distributionLines ?? []).join('\n'),
    signerRank: d.signerRank ?? undefined,
    signerName: d.signerName,
    signerTitle: d.signerTitle ?? undefined,
    tasks: d.tasks.map((t) => ({ number: t.number, text: t.text, channels: t.channels ?? [] })),
    recipients: [...groups, ...[...byPurpose].map(([purpose, unitIds]) => ({ purpose, unitIds }))],
    ackDueAt: toLocalInput(d.ackDueAt),
    forwardDueAt: toLocalInput(d.forwardDueAt),
    reportDueAt: toLocalInput(d.reportDueAt),
  };
}

/**
 * "Soạn công văn mới": paste the text to prefill, check the Decree 30 fields, tasks and channels, deadlines,
 * attachments and recipients (with a live preview once the draft is saved), then "Ban hành".
 */
export default function ComposePage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [draftId, setDraftId] = useState<string | undefined>(id);
  const [pasted, setPasted] = useState('');
  const units = useActingUnits();
  const existing = useQuery({ queryKey: ['dispatch', id], queryFn: () => api.get<DispatchDetail>(`/dispatches/${id}`), enabled: !!id });
  useEffect(() => {
    if (existing.data) form.setFieldsValue(fromDispatch(existing.data));
  }, [existing.data, form]);
  useEffect(() => setDraftId(id), [id]);

  const parse = useMutation({
    mutationFn: () => api.post<ParsedDispatchTextDto>('/dispatches/parse-text', { text: pasted }),
    onSuccess: (p) => {
      form.setFieldsValue({
        headerAuthority: p.headerAuthority ?? undefined,
        headerIssuer: p.headerIssuer,
        number: p.number,
        symbol: p.symbol,
        issuedDate: p.issuedDate,
        issuedPlace: p.issuedPlace,
        subject: p.subject,
        body: p.body,
        addresseeLines: p.addressees.join('\n'),
        distributionLines: p.distribution.join('\n'),
        signerRank: p.signerRank ?? undefined,
        signerName: p.signerName,
        tasks: p.tasks.map((t) => ({ ...t, channels: [] })),
      });
      void message.success(`Đã điền ${p.tasks.length} nhiệm vụ và các trường của công văn ${p.number}/${p.symbol}. Hãy kiểm tra lại.`);
    },
  });

  const save = useMutation({
    mutationFn: async (): Promise<string> => {
      const v = await form.validateFields();
      const dto = toDto(v);
      if (draftId) {
        await api.patch(`/dispatches/${draftId}`, dto);
        return draftId;
      }
      const created = await api.post<{ id: string }>('/dispatches', dto);
      setDraftId(created.id);
      window.history.replaceState(null, '', `/soan-cong-van/${created.id}`);
      return created.id;
    },
    onSuccess: (saved) => void qc.invalidateQueries({ queryKey: ['preview', saved] }),
  });

  const preview = useQuery({
    queryKey: ['preview', draftId],
    queryFn: () => api.get<Preview>(`/dispatches/${draftId}/recipients/preview`, { limit: 500 }),
    enabled: !!draftId,
  });
  const attachments = useQuery({
    queryKey: ['dispatch-attachments', draftId],
    queryFn: () => api.get<DispatchDetail>(`/dispatches/${draftId}`),
    enabled: !!draftId,
  });

  // The preview follows the recipients: once a draft exists, a change is saved (debounced) and the preview re-read.
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const onValuesChange = (changed: Partial<Values>) => {
    if (!('recipients' in changed) || !draftId) return;
    clearTimeout(timer.current);
    timer.current = setTimeout(() => save.mutate(), 700);
  };

  const publish = useMutation({
    mutationFn: async () => {
      const saved = await save.mutateAsync();
      const p = await api.get<Preview>(`/dispatches/${saved}/recipients/preview`, { limit: 1 });
      const v = form.getFieldsValue();
      const ok = await modal.confirm({
        title: 'Ban hành công văn?',
        content: (
          <div>
            <p>
              Công văn số {v.number}/{v.symbol} sẽ được gửi tới <strong>{fmtNumber(p.total)} đơn vị</strong> qua{' '}
              <strong>{fmtNumber(p.addresses)} địa chỉ e-mail</strong>.
            </p>
            {p.unitsWithoutEmail.length ? (
              <p>{fmtNumber(p.unitsWithoutEmail.length)} đơn vị chưa có e-mail: chỉ nhận trên hệ thống.</p>
            ) : null}
            <p>Sau khi ban hành, nội dung không sửa được nữa.</p>
          </div>
        ),
        okText: 'Ban hành',
        cancelText: 'Xem lại',
      });
      if (!ok) return null;
      await api.post(`/dispatches/${saved}/publish`);
      return saved;
    },
    onSuccess: (published) => {
      if (!published) return;
      void message.success('Đã ban hành. Thư đang được gửi tới các đơn vị.');
      void qc.invalidateQueries();
      void navigate(`/cong-van/${published}`);
    },
  });

  const upload = useMutation({
    mutationFn: async (file: File) => {
      const saved = draftId ?? (await save.mutateAsync());
      const body = new FormData();
      body.append('file', file, file.name);
      await api.post(`/dispatches/${saved}/attachments`, body);
    },
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['dispatch-attachments'] }),
  });
  const removeAttachment = useMutation({
    mutationFn: (attachmentId: string) => api.del(`/dispatches/${draftId}/attachments/${attachmentId}`),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['dispatch-attachments'] }),
  });

  if (id && existing.isLoading) return <Loading />;
  if (existing.data && existing.data.status !== 'draft') {
    return <ErrorAlert error={new Error('Công văn này đã ban hành: không sửa được nữa.')} />;
  }
  const unitName = new Map((units.data ?? []).map((u) => [u.id, u.name]));
  const addGroup = (group: RecipientGroup, purpose: RecipientPurpose) => {
    const cur = (form.getFieldValue('recipients') as RecipientLine[] | undefined) ?? [];
    if (cur.some((r) => r.group === group)) return;
    form.setFieldValue('recipients', [...cur, { group, purpose }]);
    onValuesChange({ recipients: [] });
  };
  return (
    <div className="page">
      <Typography.Title level={1} className="page-title">
        {id ? 'Sửa bản nháp công văn' : 'Soạn công văn mới'}
      </Typography.Title>
      <Card size="small" className="panel" title="Dán văn bản để điền sẵn">
        <Input.TextArea
          aria-label="Văn bản công văn"
          rows={4}
          value={pasted}
          onChange={(e) => setPasted(e.target.value)}
          placeholder="Dán toàn văn công văn (từ quốc hiệu đến người ký); hệ thống điền số, ký hiệu, ngày, trích yếu, nhiệm vụ, nơi nhận và người ký."
        />
        <ErrorAlert error={parse.error} style={{ marginTop: 8 }} />
        <Button style={{ marginTop: 8 }} onClick={() => parse.mutate()} disabled={pasted.trim().length < 20} loading={parse.isPending}>
          Điền từ văn bản
        </Button>
      </Card>
      <Form<Values>
        form={form}
        layout="vertical"
        onValuesChange={onValuesChange}
        initialValues={{
          documentType: 'Công văn',
          urgency: 'thuong',
          issuedDate: todayVn(),
          issuedPlace: 'Nam Định',
          tasks: [],
          recipients: [],
        }}
        scrollToFirstError
      >
        <Card size="small" className="panel" title="Thể thức văn bản (Nghị định 30/2020)">
          <Row gutter={12}>
            <Col xs={24} md={12}>
              <Form.Item label="Cơ quan chủ quản" name="headerAuthority">
                <Input />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item label="Cơ quan ban hành" name="headerIssuer" rules={[{ required: true, message: 'Nhập cơ quan ban hành.' }]}>
                <Input />
              </Form.Item>
            </Col>
            <Col xs={12} md={4}>
              <Form.Item label="Số" name="number" rules={[{ required: true, message: 'Nhập số văn bản.' }]}>
                <InputNumber min={1} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item label="Ký hiệu" name="symbol" rules={[{ required: true, message: 'Nhập ký hiệu, ví dụ CAT-PA05.' }]}>
                <Input />
              </Form.Item>
            </Col>
            <Col xs={12} md={5}>
              <Form.Item label="Ngày ban hành" name="issuedDate" rules={[{ required: true, message: 'Nhập ngày ban hành.' }]}>
                <VnDate />
              </Form.Item>
            </Col>
            <Col xs={12} md={5}>
              <Form.Item label="Địa danh" name="issuedPlace" rules={[{ required: true, message: 'Nhập địa danh.' }]}>
                <Input />
              </Form.Item>
            </Col>
            <Col xs={12} md={4}>
              <Form.Item label="Độ khẩn" name="urgency">
                <Select options={Object.entries(URGENCY).map(([k, v]) => ({ value: k, label: v.label }))} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item label="Loại văn bản" name="documentType" rules={[{ required: true }]}>
                <Input />
              </Form.Item>
            </Col>
            <Col xs={24} md={18}>
              <Form.Item label="Trích yếu" name="subject" rules={[{ required: true, message: 'Nhập trích yếu (V/v …).' }]}>
                <Input />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item label="Kính gửi (mỗi dòng một nơi)" name="addresseeLines">
                <Input.TextArea rows={3} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item label="Nơi nhận (mỗi dòng một nơi)" name="distributionLines">
                <Input.TextArea rows={3} />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item label="Nội dung" name="body" rules={[{ required: true, message: 'Nhập nội dung công văn.' }]}>
                <Input.TextArea rows={6} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item label="Cấp bậc người ký" name="signerRank">
                <Input />
              </Form.Item>
            </Col>
            <Col xs={12} md={8}>
              <Form.Item label="Người ký" name="signerName" rules={[{ required: true, message: 'Nhập người ký.' }]}>
                <Input />
              </Form.Item>
            </Col>
            <Col xs={24} md={10}>
              <Form.Item label="Chức vụ người ký" name="signerTitle">
                <Input.TextArea rows={2} placeholder={'KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC'} />
              </Form.Item>
            </Col>
          </Row>
        </Card>

        <Card size="small" className="panel" title="Nhiệm vụ và hình thức thực hiện">
          <Form.List name="tasks">
            {(fields, { add, remove }) => (
              <>
                {fields.length === 0 ? <EmptyState text="Chưa có nhiệm vụ." /> : null}
                {fields.map((f, i) => (
                  <Row key={f.key} gutter={8} align="top" className="task-row">
                    <Col xs={4} md={2}>
                      <Form.Item name={[f.name, 'number']} initialValue={i + 1} label={i === 0 ? 'Số' : undefined}>
                        <InputNumber min={1} aria-label={`Số thứ tự nhiệm vụ ${i + 1}`} style={{ width: '100%' }} />
                      </Form.Item>
                    </Col>
                    <Col xs={20} md={13}>
                      <Form.Item
                        name={[f.name, 'text']}
                        label={i === 0 ? 'Nội dung nhiệm vụ' : undefined}
                        rules={[{ required: true, message: 'Nhập nhiệm vụ.' }]}
                      >
                        <Input.TextArea rows={2} aria-label={`Nhiệm vụ ${i + 1}`} />
                      </Form.Item>
                    </Col>
                    <Col xs={20} md={8}>
                      <Form.Item name={[f.name, 'channels']} label={i === 0 ? 'Hình thức' : undefined}>
                        <Select
                          mode="multiple"
                          aria-label={`Hình thức của nhiệm vụ ${i + 1}`}
                          placeholder="Hình thức tuyên truyền"
                          options={Object.entries(CHANNEL).map(([k, v]) => ({ value: k, label: v }))}
                        />
                      </Form.Item>
                    </Col>
                    <Col xs={4} md={1}>
                      <Button
                        aria-label={`Xoá nhiệm vụ ${i + 1}`}
                        icon={<DeleteOutlined />}
                        onClick={() => remove(f.name)}
                        style={{ marginTop: i === 0 ? 30 : 0 }}
                      />
                    </Col>
                  </Row>
                ))}
                <Button icon={<PlusOutlined />} onClick={() => add({ number: fields.length + 1, text: '', channels: [] })}>
                  Thêm nhiệm vụ
                </Button>
              </>
            )}
          </Form.List>
        </Card>

        <Card size="small" className="panel" title="Thời hạn (giờ Việt Nam)">
          <Row gutter={12}>
            <Col xs={24} md={8}>
              <Form.Item label="Hạn xác nhận đã nhận" name="ackDueAt">
                <VnDateTime />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item label="Hạn chuyển tiếp xuống cấp dưới" name="forwardDueAt">
                <VnDateTime />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item label="Hạn báo cáo kết quả" name="reportDueAt">
                <VnDateTime />
              </Form.Item>
            </Col>
          </Row>
        </Card>

        <Card size="small" className="panel" title="Tệp đính kèm">
          <Upload.Dragger
            multiple
            showUploadList={false}
            accept=".pdf,.doc,.docx,.xls,.xlsx,.odt,.ods"
            beforeUpload={(file) => {
              upload.mutate(file);
              return false;
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p>Kéo thả tệp PDF, Word, Excel vào đây hoặc bấm để chọn</p>
          </Upload.Dragger>
          <ErrorAlert error={upload.error ?? removeAttachment.error} style={{ marginTop: 8 }} />
          {attachments.data ? (
            <>
              <AttachmentList attachments={attachments.data.attachments} urlOf={(a) => `/dispatches/${draftId}/attachments/${a.id}`} />
              <Space wrap>
                {attachments.data.attachments.map((a) => (
                  <Button key={a.id} size="small" icon={<DeleteOutlined />} onClick={() => removeAttachment.mutate(a.id)}>
                    Gỡ {a.fileName}
                  </Button>
                ))}
              </Space>
            </>
          ) : null}
        </Card>

        <Card size="small" className="panel" title="Nơi nhận">
          <Space wrap style={{ marginBottom: 8 }}>
            <span className="muted">Thêm nhóm:</span>
            {(Object.keys(GROUP) as RecipientGroup[]).map((g) => (
              <Button key={g} size="small" icon={<PlusOutlined />} onClick={() => addGroup(g, 'coordinate')}>
                {GROUP[g]}
              </Button>
            ))}
          </Space>
          <Form.List name="recipients">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f, i) => {
                  const line = form.getFieldValue(['recipients', f.name]) as RecipientLine | undefined;
                  return (
                    <Row key={f.key} gutter={8} align="middle" className="recipient-row" data-testid={`recipient-${i}`}>
                      <Col xs={24} md={14}>
                        {/* Registered so the group travels with the form's values (antd returns only registered fields). */}
                        <Form.Item name={[f.name, 'group']} hidden>
                          <Input />
                        </Form.Item>
                        {line?.group ? (
                          <Tag color="blue" style={{ fontSize: 14, padding: '4px 8px' }}>
                            Nhóm: {GROUP[line.group]}
                          </Tag>
                        ) : (
                          <Form.Item name={[f.name, 'unitIds']} noStyle>
                            <UnitTreePicker />
                          </Form.Item>
                        )}
                      </Col>
                      <Col xs={18} md={8}>
                        <Form.Item name={[f.name, 'purpose']} noStyle>
                          <Select
                            aria-label={`Mục đích của dòng nơi nhận ${i + 1}`}
                            style={{ width: '100%' }}
                            options={Object.entries(PURPOSE).map(([k, v]) => ({ value: k, label: v }))}
                          />
                        </Form.Item>
                      </Col>
                      <Col xs={6} md={2}>
                        <Button
                          aria-label={`Xoá dòng nơi nhận ${i + 1}`}
                          icon={<DeleteOutlined />}
                          onClick={() => {
                            remove(f.name);
                            onValuesChange({ recipients: [] });
                          }}
                        />
                      </Col>
                    </Row>
                  );
                })}
                <Button icon={<PlusOutlined />} onClick={() => add({ unitIds: [], purpose: 'action' })} style={{ marginTop: 8 }}>
                  Thêm đơn vị từ cây đơn vị
                </Button>
              </>
            )}
          </Form.List>
        </Card>
      </Form>

      <Card size="small" className="panel" title="Xem trước nơi nhận" aria-live="polite">
        {!draftId ? (
          <EmptyState text="Lưu nháp để xem trước danh sách đơn vị sẽ nhận." />
        ) : preview.isLoading ? (
          <Loading />
        ) : preview.data ? (
          <PreviewView p={preview.data} unitName={unitName} />
        ) : (
          <ErrorAlert error={preview.error} />
        )}
      </Card>

      <ErrorAlert error={save.error ?? publish.error} />
      <div className="sticky-actions">
        <Button onClick={() => save.mutate()} loading={save.isPending}>
          Lưu nháp
        </Button>
        <Button type="primary" onClick={() => publish.mutate()} loading={publish.isPending}>
          Ban hành
        </Button>
      </div>
    </div>
  );
}

function PreviewView({ p, unitName }: { p: Preview; unitName: Map<string, string> }) {
  void unitName;
  return (
    <>
      <Space size="large" wrap>
        <Statistic title="Đơn vị nhận" value={p.total} formatter={(v) => fmtNumber(Number(v))} />
        <Statistic title="Địa chỉ e-mail" value={p.addresses} formatter={(v) => fmtNumber(Number(v))} />
        {Object.entries(p.byPurpose).map(([k, n]) => (
          <Statistic key={k} title={label(PURPOSE, k)} value={n} formatter={(v) => fmtNumber(Number(v))} />
        ))}
      </Space>
      {p.unitsWithoutEmail.length ? <p className="muted">Chưa có e-mail: {p.unitsWithoutEmail.map((u) => u.name).join(', ')}</p> : null}
      <Table
        size="small"
        rowKey="id"
        dataSource={p.items}
        pagination={{ pageSize: 10, showSizeChanger: false }}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: 'Đơn vị', dataIndex: 'name' },
          { title: 'Cấp', key: 'l', render: (_, r) => label(LEVEL, r.level) },
          { title: 'Mục đích', key: 'p', render: (_, r) => label(PURPOSE, r.purpose) },
          { title: 'E-mail', key: 'e', render: (_, r) => r.emails.join(', ') || '—' },
        ]}
      />
    </>
  );
}

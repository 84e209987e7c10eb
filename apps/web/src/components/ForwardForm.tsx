import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Checkbox, Col, Form, Input, Row, Select } from 'antd';
import { useState } from 'react';
import { api } from '../api/http';
import type { Page, Unit } from '../api/types';
import { fromLocalInput, toLocalInput } from '../format';
import { GROUP } from '../vocab';
import { ErrorAlert } from './common';
import { VnDateTime } from './DateFields';

interface Deadlines {
  ackDueAt: string | null;
  forwardDueAt: string | null;
  reportDueAt: string | null;
}

interface Values {
  groups: string[];
  unitIds: string[];
  instruction?: string;
  ackDueAt?: string;
  forwardDueAt?: string;
  reportDueAt?: string;
}

/**
 * "Chuyển tiếp": the targets (all communes, all commune police, chosen units below), an instruction and
 * deadlines that may not be later than the unit's own (the inputs stop at them; the api checks again).
 */
export function ForwardForm({
  endpoint,
  own,
  groups,
  searchUnits,
  onDone,
}: {
  endpoint: string;
  own: Deadlines;
  groups: string[];
  /** Units one may pick by name, or undefined where only groups are offered (the e-mail link). */
  searchUnits?: (q: string) => Promise<Unit[]>;
  onDone?: (n: number) => void;
}) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [q, setQ] = useState('');
  const units = useQuery({
    queryKey: ['forward-units', q],
    queryFn: () => searchUnits!(q),
    enabled: !!searchUnits,
  });
  const submit = useMutation({
    mutationFn: (v: Values) =>
      api.post<{ forwarded: number; alreadyReceiving: number }>(endpoint, {
        targets: [...(v.groups ?? []).map((group) => ({ group })), ...(v.unitIds ?? []).map((unitId) => ({ unitId }))],
        instruction: v.instruction || undefined,
        ackDueAt: fromLocalInput(v.ackDueAt ?? ''),
        forwardDueAt: fromLocalInput(v.forwardDueAt ?? ''),
        reportDueAt: fromLocalInput(v.reportDueAt ?? ''),
      }),
    onSuccess: (r) => {
      const n = r.forwarded;
      void message.success(`Đã chuyển tiếp cho ${n} đơn vị.`);
      form.resetFields();
      void qc.invalidateQueries();
      onDone?.(n);
    },
  });
  const deadline = (name: keyof Deadlines, title: string) => (
    <Col xs={24} md={8}>
      <Form.Item label={title} name={name} extra={own[name] ? 'Không muộn hơn hạn của đơn vị mình' : undefined}>
        <VnDateTime max={toLocalInput(own[name]) || undefined} />
      </Form.Item>
    </Col>
  );
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      aria-label="Chuyển tiếp"
      initialValues={{
        groups: groups.slice(0, 1),
        unitIds: [],
        ackDueAt: toLocalInput(own.ackDueAt),
        forwardDueAt: toLocalInput(own.forwardDueAt),
        reportDueAt: toLocalInput(own.reportDueAt),
      }}
      onFinish={(v) => submit.mutate(v)}
    >
      <ErrorAlert error={submit.error} />
      <Form.Item label="Chuyển cho" name="groups">
        <Checkbox.Group options={groups.map((g) => ({ value: g, label: `${GROUP[g] ?? g} trực thuộc` }))} />
      </Form.Item>
      {searchUnits ? (
        <Form.Item label="Hoặc chọn đơn vị" name="unitIds">
          <Select
            mode="multiple"
            showSearch={{ filterOption: false, onSearch: setQ }}
            placeholder="Gõ tên đơn vị để tìm"
            loading={units.isFetching}
            options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
          />
        </Form.Item>
      ) : null}
      <Form.Item label="Ý kiến chỉ đạo" name="instruction">
        <Input.TextArea rows={2} placeholder="Ví dụ: Giao Công an xã phối hợp tuyên truyền trên loa truyền thanh" />
      </Form.Item>
      <Row gutter={12}>
        {deadline('ackDueAt', 'Hạn xác nhận')}
        {deadline('forwardDueAt', 'Hạn chuyển tiếp')}
        {deadline('reportDueAt', 'Hạn báo cáo')}
      </Row>
      <Button type="primary" htmlType="submit" loading={submit.isPending}>
        Chuyển tiếp
      </Button>
    </Form>
  );
}

export const searchUnitsBelow = (under: string) => async (q: string) =>
  (await api.get<Page<Unit>>('/units', { under, q, limit: 30 })).items.filter((u) => u.type !== 'area' && u.id !== under);

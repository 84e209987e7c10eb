import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Form, Input, Select, Typography } from 'antd';
import { Link, Navigate } from 'react-router';
import { api } from '../api/http';
import type { OnboardSummary } from '../api/units';
import { ErrorAlert } from '../components/common';
import { fmtNumber } from '../format';
import { can, useSession } from '../session';
import { LEVEL, UNIT_TYPE, label } from '../vocab';

/** The GSO lists the api ships (apps/api/src/units/import/datasets.ts); the api refuses any other name. */
const DATASETS = [
  { value: 'vn-2025-07-01', label: 'Cả nước, từ 01/07/2025 (hai cấp: tỉnh, xã)' },
  { value: 'vn-2025-03-01', label: 'Cả nước, 01/03/2025 (ba cấp)' },
  { value: 'vn-2024-05-01', label: 'Cả nước, 01/05/2024 (ba cấp)' },
  { value: 'nam-dinh-2025-07-01', label: 'Nam Định, 01/07/2025' },
  { value: 'nam-dinh-2025-03-01', label: 'Nam Định, 01/03/2025' },
  { value: 'nam-dinh-2024-05-01', label: 'Nam Định, 01/05/2024' },
];

interface Values {
  dataset: string;
  provinceCode: string;
  emailDomain?: string;
}

/** "UBND · Cấp xã" for a body count key such as "peoples_committee:commune". */
const kindLabel = (key: string) => {
  const [type, level] = key.split(':');
  return `${label(UNIT_TYPE, type)} · ${label(LEVEL, level)}`;
};

/**
 * An installation admin onboards a province (or the whole country) from a shipped GSO list: its areas
 * and acting bodies, in one transaction run within the request (under a second for a province, about
 * ten for the country), idempotent; the counts come back when it is done.
 */
export default function OnboardProvincePage() {
  const { me } = useSession();
  const run = useMutation({
    mutationFn: (v: Values) =>
      api.post<OnboardSummary>('/admin/provinces/onboard', {
        dataset: v.dataset,
        provinceCode: v.provinceCode.trim(),
        emailDomain: v.emailDomain?.trim() || undefined,
      }),
  });
  if (!can.onboard(me)) return <Navigate to="/don-vi" replace />;
  const r = run.data;
  return (
    <div className="page">
      <nav className="crumbs small" aria-label="Vị trí">
        <Link to="/don-vi">Đơn vị</Link>
      </nav>
      <Typography.Title level={1} className="page-title">
        Tiếp nhận tỉnh
      </Typography.Title>
      <Card size="small" className="panel">
        <Typography.Paragraph type="secondary">
          Tạo các đơn vị hành chính của tỉnh theo danh mục GSO và các cơ quan: UBND tỉnh và các sở, Công an tỉnh và các phòng, UBND và Công
          an của từng xã, phường, đặc khu (và của từng huyện nếu danh mục có cấp huyện). Danh mục từ 01/07/2025 cho các đơn vị cũ ngừng hoạt
          động và nối chúng với đơn vị kế thừa. Chạy lại không tạo trùng.
        </Typography.Paragraph>
        <Form<Values>
          layout="vertical"
          initialValues={{ dataset: 'vn-2025-07-01', provinceCode: '' }}
          onFinish={(v) => run.mutate(v)}
          disabled={run.isPending}
          style={{ maxWidth: 520 }}
        >
          <Form.Item name="dataset" label="Danh mục đơn vị hành chính" rules={[{ required: true, message: 'Hãy chọn danh mục.' }]}>
            <Select options={DATASETS} />
          </Form.Item>
          <Form.Item
            name="provinceCode"
            label="Mã tỉnh, thành phố"
            extra='Mã GSO 2 chữ số, ví dụ 37 (Ninh Bình); "all" để tiếp nhận cả nước.'
            rules={[
              { required: true, message: 'Hãy nhập mã tỉnh.' },
              { pattern: /^\s*(\d{2}|all)\s*$/, message: 'Mã tỉnh gồm 2 chữ số (ví dụ 37) hoặc "all".' },
            ]}
          >
            <Input inputMode="numeric" maxLength={3} style={{ width: 120 }} />
          </Form.Item>
          <Form.Item name="emailDomain" label="Tên miền thư điện tử (không bắt buộc)" extra="Cơ quan mới có địa chỉ <mã>@<tên miền>.">
            <Input placeholder="ninhbinh.gov.vn" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={run.isPending}>
            Tiếp nhận
          </Button>
        </Form>
      </Card>
      {run.isPending ? <Alert type="info" showIcon title="Đang tiếp nhận… Cả nước mất khoảng 10 giây." role="status" /> : null}
      <ErrorAlert error={run.error} />
      {r ? (
        <Card size="small" className="panel" title="Kết quả tiếp nhận" aria-live="polite">
          <Descriptions size="small" column={{ xs: 1, sm: 2 }} bordered>
            <Descriptions.Item label="Cấu trúc">
              {r.structure === 'two_levels' ? 'Hai cấp (tỉnh, xã)' : 'Ba cấp (tỉnh, huyện, xã)'}
            </Descriptions.Item>
            <Descriptions.Item label="Số tỉnh">{fmtNumber(r.provinces)}</Descriptions.Item>
            <Descriptions.Item label="Đơn vị hành chính">
              {fmtNumber(r.areas.total)}: tạo mới {fmtNumber(r.areas.created)}, cập nhật {fmtNumber(r.areas.updated)}, giữ nguyên{' '}
              {fmtNumber(r.areas.unchanged)}
            </Descriptions.Item>
            <Descriptions.Item label="Theo cấp">
              {Object.entries(r.areas.byLevel)
                .filter(([, n]) => n > 0)
                .map(([level, n]) => `${label(LEVEL, level)}: ${fmtNumber(n)}`)
                .join(' · ')}
            </Descriptions.Item>
            <Descriptions.Item label="Cơ quan">
              {fmtNumber(r.bodies.total)}: tạo mới {fmtNumber(r.bodies.created)}, cập nhật {fmtNumber(r.bodies.updated)}, giữ nguyên{' '}
              {fmtNumber(r.bodies.unchanged)}
            </Descriptions.Item>
            <Descriptions.Item label="Theo loại">
              <ul className="plain-list">
                {Object.entries(r.bodies.byKind).map(([k, n]) => (
                  <li key={k}>
                    {kindLabel(k)}: {fmtNumber(n)}
                  </li>
                ))}
              </ul>
            </Descriptions.Item>
            <Descriptions.Item label="Ngừng hoạt động">
              {fmtNumber(r.retired.areas)} đơn vị hành chính, {fmtNumber(r.retired.bodies)} cơ quan
            </Descriptions.Item>
            <Descriptions.Item label="Liên kết kế thừa">
              {r.lineage
                ? `${fmtNumber(r.lineage.created)} tạo mới (${fmtNumber(r.lineage.matched)}/${fmtNumber(r.lineage.rows)} dòng khớp)`
                : '—'}
            </Descriptions.Item>
            <Descriptions.Item label="Thời gian">
              {(r.durationMs / 1000).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} giây
            </Descriptions.Item>
          </Descriptions>
        </Card>
      ) : null}
    </div>
  );
}

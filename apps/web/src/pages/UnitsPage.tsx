import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Checkbox, Input, Select, Space, Typography } from 'antd';
import { Link, Navigate, useSearchParams } from 'react-router';
import { api } from '../api/http';
import type { Page } from '../api/types';
import type { UnitRow } from '../api/units';
import { ErrorAlert, ResponsiveTable } from '../components/common';
import { UnitStatusTag, unitKind } from '../components/UnitBits';
import { can, useSession } from '../session';
import { UNIT_TYPE } from '../vocab';

const LIMIT = 20;

/** The units the reader may see, found by name (without accents) or code, retired ones on request. */
export default function UnitsPage() {
  const { me } = useSession();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const type = params.get('type') ?? '';
  const retired = params.get('retired') === '1';
  const page = Number(params.get('page') ?? '1') || 1;
  const list = useQuery({
    queryKey: ['units', q, type, retired, page],
    queryFn: () => api.get<Page<UnitRow>>('/units', { q, type, includeInactive: retired || undefined, page, limit: LIMIT }),
    enabled: can.units(me),
    placeholderData: (p) => p,
  });
  /** Changes one filter and goes back to the first page. */
  const set = (patch: Record<string, string>) => {
    const next = { ...Object.fromEntries(params), ...patch };
    delete next.page;
    setParams(Object.fromEntries(Object.entries(next).filter(([, v]) => v)));
  };
  if (!can.units(me)) return <Navigate to="/" replace />;
  return (
    <div className="page">
      <Space className="page-head" wrap>
        <Typography.Title level={1} className="page-title">
          Đơn vị
        </Typography.Title>
        {can.onboard(me) ? (
          <Link to="/don-vi/tiep-nhan-tinh">
            <Button icon={<PlusOutlined />} tabIndex={-1}>
              Tiếp nhận tỉnh
            </Button>
          </Link>
        ) : null}
      </Space>
      <Space wrap className="filters">
        <Input.Search
          aria-label="Tìm theo tên hoặc mã đơn vị"
          placeholder="Tên hoặc mã, ví dụ: Hải Tiến, 14218"
          defaultValue={q}
          allowClear
          enterButton="Tìm"
          style={{ width: 340 }}
          onSearch={(v) => set({ q: v.trim() })}
        />
        <Select
          aria-label="Loại đơn vị"
          value={type}
          style={{ width: 220 }}
          onChange={(v) => set({ type: v })}
          options={[{ value: '', label: 'Mọi loại đơn vị' }, ...Object.entries(UNIT_TYPE).map(([k, v]) => ({ value: k, label: v }))]}
        />
        <Checkbox checked={retired} onChange={(e) => set({ retired: e.target.checked ? '1' : '' })}>
          Gồm đơn vị đã giải thể/sáp nhập
        </Checkbox>
      </Space>
      <ErrorAlert error={list.error} />
      <ResponsiveTable<UnitRow>
        ariaLabel="Danh sách đơn vị"
        rowKey="id"
        emptyText={q ? `Không có đơn vị nào khớp "${q}".` : 'Không có đơn vị nào.'}
        loading={list.isFetching}
        dataSource={list.data?.items}
        pagination={{
          current: page,
          pageSize: LIMIT,
          total: list.data?.total ?? 0,
          showSizeChanger: false,
          onChange: (p) => setParams({ ...Object.fromEntries(params), page: String(p) }),
        }}
        columns={[
          { title: 'Mã', dataIndex: 'code', render: (c: string) => <span className="code">{c}</span> },
          { title: 'Tên đơn vị', key: 'name', render: (_, u) => <Link to={`/don-vi/${u.id}`}>{u.name}</Link> },
          { title: 'Loại, cấp', key: 'kind', render: (_, u) => unitKind(u) },
          { title: 'Tỉnh, thành phố', key: 'province', render: (_, u) => u.province?.name ?? <span className="muted">—</span> },
          { title: 'Trạng thái', key: 'status', render: (_, u) => <UnitStatusTag unit={u} /> },
        ]}
        card={(u) => (
          <div className="card-body">
            <div className="card-head">
              <Link to={`/don-vi/${u.id}`} className="ref-link">
                {u.name}
              </Link>
              <UnitStatusTag unit={u} />
            </div>
            <div className="muted small">
              Mã {u.code} · {unitKind(u)}
              {u.province ? ` · ${u.province.name}` : ''}
            </div>
          </div>
        )}
      />
    </div>
  );
}

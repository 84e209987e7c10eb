import { useQuery } from '@tanstack/react-query';
import { Card, Col, Descriptions, List, Row, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../api/http';
import type { Page } from '../api/types';
import type { LineageUnit, UnitDetail, UnitRow } from '../api/units';
import { EmptyState, ErrorAlert, Loading } from '../components/common';
import { LinkSignupSetting } from '../components/LinkSignupSetting';
import { UnitLink, UnitStatusTag, unitKind } from '../components/UnitBits';
import { UnitScorecard } from '../components/UnitScorecard';
import { fmtDate } from '../format';
import { can, useSession } from '../session';

const CHILDREN_LIMIT = 20;

/** The bodies serving an area, the UBND first: its scorecard is the one a reader of an area page wants. */
const servingBodies = (items: UnitRow[]) =>
  items
    .filter((b) => b.type !== 'area')
    .sort((a, b) => Number(b.type === 'peoples_committee') - Number(a.type === 'peoples_committee') || a.name.localeCompare(b.name, 'vi'))
    .map((b) => ({ id: b.id, name: b.name }));

function LineageList({ title, units, empty }: { title: string; units: LineageUnit[]; empty: string }) {
  return (
    <section aria-label={title}>
      <Typography.Title level={3} className="section-title">
        {title}
      </Typography.Title>
      <List
        size="small"
        dataSource={units}
        locale={{ emptyText: <span className="muted">{empty}</span> }}
        renderItem={(u) => (
          <List.Item key={u.id}>
            <div className="card-body">
              <div className="card-head">
                <UnitLink unit={u} />
                <UnitStatusTag unit={u} />
              </div>
              <span className="muted small">
                {unitKind(u)} · sắp xếp có hiệu lực từ {fmtDate(u.effectiveOn)}
              </span>
            </div>
          </List.Item>
        )}
      />
    </section>
  );
}

/** Units in a paginated list (the units a unit directs, or the bodies serving an area). */
function UnitList({ label, query, empty }: { label: string; query: Record<string, string | boolean | undefined>; empty: string }) {
  const [page, setPage] = useState(1);
  const list = useQuery({
    queryKey: ['units', label, query, page],
    queryFn: () => api.get<Page<UnitRow>>('/units', { ...query, page, limit: CHILDREN_LIMIT }),
    placeholderData: (p) => p,
  });
  return (
    <section aria-label={label}>
      <Typography.Title level={3} className="section-title">
        {label}
        {list.data ? <span className="muted small"> ({list.data.total})</span> : null}
      </Typography.Title>
      <ErrorAlert error={list.error} />
      <List
        size="small"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: <span className="muted">{empty}</span> }}
        pagination={
          (list.data?.total ?? 0) > CHILDREN_LIMIT
            ? { current: page, pageSize: CHILDREN_LIMIT, total: list.data?.total, onChange: setPage, size: 'small', showSizeChanger: false }
            : false
        }
        renderItem={(u) => (
          <List.Item key={u.id}>
            <div className="card-head" style={{ width: '100%' }}>
              <UnitLink unit={u} />
              <span className="muted small">
                {unitKind(u)}
                {u.active ? '' : ' · ngừng hoạt động'}
              </span>
            </div>
          </List.Item>
        )}
      />
    </section>
  );
}

/**
 * One unit: where it sits in the directing tree, the area it serves, when it came into force or
 * ceased, what it was before the 2025 reorganisation and what it became, and its results.
 */
export default function UnitPage() {
  const { id = '' } = useParams();
  const { me } = useSession();
  const unit = useQuery({ queryKey: ['unit', id], queryFn: () => api.get<UnitDetail>(`/units/${id}`) });
  const isArea = unit.data?.type === 'area';
  // A retired unit's children and bodies were retired with it: show them as they were.
  const inactive = unit.data ? !unit.data.active || undefined : undefined;
  const bodies = useQuery({
    queryKey: ['area-bodies', id, inactive],
    enabled: isArea,
    queryFn: () => api.get<Page<UnitRow>>('/units', { areaId: id, includeInactive: inactive, limit: 50 }),
  });
  if (unit.isLoading) return <Loading />;
  if (!unit.data) return <ErrorAlert error={unit.error} />;
  const u = unit.data;
  const parent = u.ancestors.at(-1);
  return (
    <div className="page">
      <nav className="crumbs small" aria-label="Vị trí trong cây đơn vị">
        <Link to="/don-vi">Đơn vị</Link>
        {u.ancestors.map((a) => (
          <span key={a.id}>
            {' / '}
            <Link to={`/don-vi/${a.id}`}>{a.name}</Link>
          </span>
        ))}
      </nav>
      <Space className="page-head" wrap>
        <Typography.Title level={1} className="page-title">
          {u.name}
        </Typography.Title>
        <UnitStatusTag unit={u} />
      </Space>
      <Card size="small" className="status-card">
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
          <Descriptions.Item label="Mã">{u.code}</Descriptions.Item>
          <Descriptions.Item label="Loại, cấp">{unitKind(u)}</Descriptions.Item>
          <Descriptions.Item label="Tỉnh, thành phố">{u.province?.name ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="Cấp trên trực tiếp">{parent ? <UnitLink unit={parent} /> : 'Không có (đơn vị gốc)'}</Descriptions.Item>
          {!isArea ? (
            <Descriptions.Item label="Địa bàn">{u.area ? <UnitLink unit={u.area} /> : 'Không gắn địa bàn'}</Descriptions.Item>
          ) : null}
          <Descriptions.Item label="Hiệu lực từ">{u.validFrom ? fmtDate(u.validFrom) : 'Trước khi có dữ liệu'}</Descriptions.Item>
          {u.retiredOn ? (
            <Descriptions.Item label="Ngừng hoạt động từ">{fmtDate(u.retiredOn)}</Descriptions.Item>
          ) : (
            <Descriptions.Item label="Trạng thái">{u.active ? 'Đang hoạt động' : 'Ngừng hoạt động'}</Descriptions.Item>
          )}
          {!isArea ? <Descriptions.Item label="Thư điện tử">{u.emails?.length ? u.emails.join(', ') : '—'}</Descriptions.Item> : null}
        </Descriptions>
      </Card>
      {/* Areas receive no dispatches: the setting follows the directing tree of bodies. */}
      {can.linkSignup(me) && !isArea ? <LinkSignupSetting unitId={u.id} /> : null}
      <Card size="small" className="panel" title="Trước và sau sắp xếp 2025">
        <Row gutter={[16, 0]}>
          <Col xs={24} md={12}>
            <LineageList title="Đơn vị tiền thân (trước sắp xếp)" units={u.predecessors} empty="Không có đơn vị tiền thân." />
          </Col>
          <Col xs={24} md={12}>
            <LineageList title="Đơn vị kế thừa (sau sắp xếp)" units={u.successors} empty="Không có đơn vị kế thừa." />
          </Col>
        </Row>
      </Card>
      <Card size="small" className="panel" title="Cây chỉ đạo">
        <Row gutter={[16, 0]}>
          <Col xs={24} md={isArea ? 12 : 24}>
            <UnitList
              label={isArea ? 'Đơn vị hành chính trực thuộc' : 'Đơn vị trực thuộc'}
              query={{ parentId: u.id, includeInactive: inactive }}
              empty="Không có đơn vị trực thuộc."
            />
          </Col>
          {isArea ? (
            <Col xs={24} md={12}>
              <UnitList
                label="Cơ quan trên địa bàn"
                query={{ areaId: u.id, includeInactive: inactive }}
                empty="Chưa có cơ quan nào phục vụ địa bàn này."
              />
            </Col>
          ) : null}
        </Row>
      </Card>
      {isArea && !bodies.data ? (
        bodies.error ? (
          <ErrorAlert error={bodies.error} />
        ) : (
          <EmptyState text="Đang tải cơ quan trên địa bàn…" />
        )
      ) : (
        <UnitScorecard key={u.id} unitId={u.id} bodies={isArea ? servingBodies(bodies.data?.items ?? []) : undefined} />
      )}
    </div>
  );
}

import { Tag } from 'antd';
import { Link } from 'react-router';
import type { LineageUnit, UnitRow } from '../api/units';
import { fmtDate } from '../format';
import { LEVEL, UNIT_TYPE, label } from '../vocab';

type UnitLike = Pick<UnitRow, 'type' | 'level' | 'areaKind' | 'active' | 'retiredOn'>;

/** "Xã · Cấp xã" for an area (its GSO kind), "Công an · Cấp xã" for a body. */
export function unitKind(u: Pick<UnitLike, 'type' | 'level' | 'areaKind'>): string {
  const kind = u.type === 'area' ? (u.areaKind ?? label(UNIT_TYPE, u.type)) : label(UNIT_TYPE, u.type);
  return [kind, label(LEVEL, u.level)].filter(Boolean).join(' · ');
}

/** Đang hoạt động, or ngừng hoạt động (from the day it was retired by a merger or the end of districts). */
export function UnitStatusTag({ unit }: { unit: Pick<UnitLike, 'active' | 'retiredOn'> }) {
  if (unit.active && !unit.retiredOn) return <Tag color="green">Đang hoạt động</Tag>;
  return <Tag color="default">{unit.retiredOn ? `Ngừng hoạt động từ ${fmtDate(unit.retiredOn)}` : 'Ngừng hoạt động'}</Tag>;
}

/** A unit named as "14218 Xã Hải Tiến", linking to its page. */
export function UnitLink({ unit }: { unit: Pick<LineageUnit, 'id' | 'code' | 'name'> }) {
  return (
    <Link to={`/don-vi/${unit.id}`}>
      <span className="muted">{unit.code}</span> {unit.name}
    </Link>
  );
}

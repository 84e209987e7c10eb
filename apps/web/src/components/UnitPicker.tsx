import { useQuery } from '@tanstack/react-query';
import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import { api } from '../api/http';
import type { Unit } from '../api/types';

interface TreeNode {
  value: string;
  title: string;
  children: TreeNode[];
}

/** Every acting unit of the issuer's province (UBND, police, departments), loaded once. */
export function useActingUnits() {
  return useQuery({
    queryKey: ['acting-units'],
    staleTime: 300_000,
    queryFn: async () => (await api.get<{ items: Unit[] }>('/dispatches/recipient-units')).items,
  });
}

/** Units picked from the directing tree (province → district → commune), searchable by name. */
export function UnitTreePicker({ value, onChange, id }: { value?: string[]; onChange?: (v: string[]) => void; id?: string }) {
  const units = useActingUnits();
  const tree = useMemo(() => {
    const list = units.data ?? [];
    const nodes = new Map<string, TreeNode>(list.map((u) => [u.id, { value: u.id, title: u.name, children: [] }]));
    const roots: TreeNode[] = [];
    for (const u of list) {
      const parent = u.parentId ? nodes.get(u.parentId) : undefined;
      (parent ? parent.children : roots).push(nodes.get(u.id)!);
    }
    return roots;
  }, [units.data]);
  return (
    <TreeSelect
      id={id}
      aria-label="Chọn đơn vị nhận"
      treeData={tree}
      value={value}
      onChange={(v) => onChange?.(v as string[])}
      multiple
      showSearch
      treeNodeFilterProp="title"
      placeholder="Gõ tên đơn vị để tìm trong cây đơn vị"
      loading={units.isLoading}
      style={{ width: '100%' }}
      listHeight={360}
      allowClear
    />
  );
}

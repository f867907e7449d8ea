import { Select, type SelectProps } from 'antd';
import { useMemo } from 'react';
import { useCan, useMe } from '../api/auth';
import { useDepartments, useHalls } from '../api/org';

export interface Option {
  value: string;
  label: string;
}

/** Halls the user may pick: all halls with org.read, otherwise the user's own halls. */
export function useHallOptions(): { options: Option[]; loading: boolean; nameOf: (id: string) => string } {
  const can = useCan();
  const { data: me } = useMe();
  const halls = useHalls(can('org.read'));
  return useMemo(() => {
    const list = halls.data?.items ?? me?.halls ?? [];
    const options = list.map((h) => ({ value: h.id, label: h.name }));
    const names = new Map(options.map((o) => [o.value, o.label]));
    return { options, loading: halls.isLoading, nameOf: (id: string) => names.get(id) ?? id };
  }, [halls.data, halls.isLoading, me?.halls]);
}

/** Departments (optionally of one hall): all with org.read, otherwise the user's own departments. */
export function useDepartmentOptions(hallId?: string): {
  options: Option[];
  loading: boolean;
  nameOf: (id: string) => string;
} {
  const can = useCan();
  const { data: me } = useMe();
  const depts = useDepartments(hallId, can('org.read'));
  return useMemo(() => {
    const list = depts.data?.items ?? me?.departments.filter((d) => !hallId || d.hallId === hallId) ?? [];
    const options = list.map((d) => ({ value: d.id, label: d.name }));
    const names = new Map(options.map((o) => [o.value, o.label]));
    return { options, loading: depts.isLoading, nameOf: (id: string) => names.get(id) ?? id };
  }, [depts.data, depts.isLoading, me?.departments, hallId]);
}

export function HallSelect(props: Omit<SelectProps<string>, 'options'>) {
  const { options, loading } = useHallOptions();
  return <Select<string> options={options} loading={loading} optionFilterProp="label" showSearch {...props} />;
}

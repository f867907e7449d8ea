import { Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTrainingStaff } from '../../api/people';
import { useHallOptions } from '../../components/HallSelect';
import { useT } from '../../i18n';

/** The hall a page works in: the first of the user's halls, with a picker when there are several. */
export function useHallChoice(initial?: string) {
  const halls = useHallOptions();
  const [hallId, setHallId] = useState<string | undefined>(initial);
  useEffect(() => {
    if (!hallId && halls.options.length) setHallId(halls.options[0]!.value);
  }, [hallId, halls.options]);
  const t = useT();
  const picker =
    halls.options.length > 1 ? (
      <Space>
        {t('pp.hall')}
        <Select style={{ width: 240 }} value={hallId} onChange={setHallId} options={halls.options} />
      </Space>
    ) : null;
  return { hallId, picker };
}

/** The hall's staff as select options. */
export function useStaffOptions(hallId: string | undefined) {
  const staff = useTrainingStaff(hallId);
  return (staff.data?.items ?? []).map((u) => ({ value: u.id, label: u.displayName }));
}

export const dayText = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : '');

/** Rows of an expandable table shown open unless the user folds them (new rows open too). */
export function useOpenRows(ids: string[]) {
  const [folded, setFolded] = useState<Set<string>>(new Set());
  return {
    expandedRowKeys: ids.filter((id) => !folded.has(id)),
    onExpand: (open: boolean, row: { id: string }) =>
      setFolded((f) => {
        const next = new Set(f);
        if (open) next.delete(row.id);
        else next.add(row.id);
        return next;
      }),
  };
}

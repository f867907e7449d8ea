import { Select, type SelectProps } from 'antd';
import { useState } from 'react';
import { useItems } from '../../api/catalog';

/** Published service items of a hall, searched by name or code as one types. */
export function ItemSelect({
  hallId,
  ...props
}: { hallId?: string } & Omit<SelectProps<string>, 'options' | 'showSearch'>) {
  const [q, setQ] = useState('');
  const items = useItems({ hallId, q: q || undefined, status: 'published', page: 1, pageSize: 50 }, !!hallId);
  return (
    <Select<string>
      showSearch={{ filterOption: false, onSearch: setQ }}
      allowClear
      loading={items.isFetching}
      options={(items.data?.items ?? []).map((i) => ({ value: i.id, label: `${i.name}（${i.code}）` }))}
      {...props}
    />
  );
}

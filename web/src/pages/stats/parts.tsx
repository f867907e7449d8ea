/** The dashboard's building blocks: a chart with its table, and the volume table of a dimension. */
import { Card, Segmented, Table } from 'antd';
import { type ReactNode, useState } from 'react';
import type { Volume } from '../../api/stats';
import { useT } from '../../i18n';

export const pct = (x: number | null) => (x === null ? '—' : `${Math.round(x * 1000) / 10}%`);
export const num = (x: number | null) => (x === null ? '—' : String(Math.round(x * 10) / 10));
/** A clickable table row opens the drill-down of that row. */
export const rowPick = (pick: () => void) => ({ onClick: pick, style: { cursor: 'pointer' } });

/** A chart with its table beneath, switched by 图表 / 表格. */
export function Panel({ title, chart, table }: { title: string; chart: ReactNode; table: ReactNode }) {
  const t = useT();
  const [view, setView] = useState<'chart' | 'table'>('chart');
  return (
    <Card
      size="small"
      title={title}
      extra={
        <Segmented
          size="small"
          value={view}
          onChange={(v) => setView(v as 'chart' | 'table')}
          options={[
            { value: 'chart', label: t('sd.chart') },
            { value: 'table', label: t('sd.table') },
          ]}
        />
      }
    >
      {view === 'chart' ? chart : table}
    </Card>
  );
}

export function VolumeTable({ rows, onPick }: { rows: Volume[]; onPick: (r: Volume) => void }) {
  const t = useT();
  return (
    <Table<Volume>
      size="small"
      rowKey="key"
      dataSource={rows}
      onRow={(r) => rowPick(() => onPick(r))}
      pagination={{ pageSize: 10, hideOnSinglePage: true }}
      columns={[
        { title: t('sd.name'), dataIndex: 'name', ellipsis: true },
        { title: t('sd.received'), dataIndex: 'received', align: 'right', width: 80 },
        { title: t('sd.finished'), dataIndex: 'finished', align: 'right', width: 80 },
        { title: t('sd.onTime'), dataIndex: 'onTime', align: 'right', width: 80 },
        { title: t('sd.onTimeRate'), dataIndex: 'onTimeRate', align: 'right', width: 100, render: pct },
      ]}
    />
  );
}

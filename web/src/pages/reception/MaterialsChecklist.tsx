import { Input, InputNumber, Select, Table, Tag } from 'antd';
import type { MaterialStatus } from '../../api/cases';
import { useT } from '../../i18n';
import type { Row } from './checklist';

const STATUSES: MaterialStatus[] = ['received', 'missing', 'incorrect', 'not_applicable'];

/** The item's checklist as one compact table: each row is received / missing / incorrect / not applicable. */
export function MaterialsChecklist({
  rows,
  readOnly,
  onChange,
}: {
  rows: Row[];
  readOnly?: boolean;
  onChange: (rows: Row[]) => void;
}) {
  const t = useT();
  const patch = (key: string, p: Partial<Row>) => onChange(rows.map((r) => (r.key === key ? { ...r, ...p } : r)));
  return (
    <Table<Row>
      rowKey="key"
      size="small"
      pagination={false}
      dataSource={rows}
      rowClassName={(r) => `rc-mat-${r.status}`}
      columns={[
        { title: '#', width: 36, render: (_v, _r, i) => i + 1 },
        {
          title: t('rc.material'),
          render: (_v, r) => (
            <span>
              {r.name}
              {r.requirement !== 'required' && (
                <Tag style={{ marginLeft: 6 }}>{t(`requirement.${r.requirement}` as 'requirement.optional')}</Tag>
              )}
              {r.essential ? (
                <Tag color="volcano">{t('rc.essential')}</Tag>
              ) : (
                <Tag color="green">{t('rc.deferrable')}</Tag>
              )}
              {r.condition && <div className="rc-mat-cond">{r.condition}</div>}
            </span>
          ),
        },
        {
          title: t('rc.status'),
          width: 130,
          render: (_v, r) => (
            <Select<MaterialStatus>
              aria-label={t('rc.statusOf', { name: r.name })}
              value={r.status}
              disabled={readOnly}
              style={{ width: 120 }}
              onChange={(status) =>
                patch(r.key, {
                  status,
                  copies: status === 'received' ? r.copies || r.defaultCopies : r.copies,
                  pages: status === 'received' ? r.pages || 1 : r.pages,
                })
              }
              options={STATUSES.filter((s) => s !== 'not_applicable' || r.requirement !== 'required').map((s) => ({
                value: s,
                label: t(`rc.mat.${s}`),
              }))}
            />
          ),
        },
        {
          title: t('rc.copies'),
          width: 80,
          render: (_v, r) => (
            <InputNumber
              aria-label={t('rc.copiesOf', { name: r.name })}
              min={0}
              max={99}
              size="small"
              style={{ width: 64 }}
              disabled={readOnly || r.status !== 'received'}
              value={r.copies}
              onChange={(v) => patch(r.key, { copies: v ?? 0 })}
            />
          ),
        },
        {
          title: t('rc.pages'),
          width: 80,
          render: (_v, r) => (
            <InputNumber
              aria-label={t('rc.pagesOf', { name: r.name })}
              min={0}
              max={9999}
              size="small"
              style={{ width: 64 }}
              disabled={readOnly || r.status !== 'received'}
              value={r.pages}
              onChange={(v) => patch(r.key, { pages: v ?? 0 })}
            />
          ),
        },
        {
          title: t('rc.reason'),
          render: (_v, r) =>
            r.status === 'incorrect' ? (
              <Input
                aria-label={t('rc.reasonOf', { name: r.name })}
                size="small"
                disabled={readOnly}
                status={r.reason.trim() ? '' : 'error'}
                placeholder={t('rc.reasonPlaceholder')}
                value={r.reason}
                onChange={(e) => patch(r.key, { reason: e.target.value })}
              />
            ) : null,
        },
      ]}
    />
  );
}

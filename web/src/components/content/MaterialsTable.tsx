import { Space, Table, Tag } from 'antd';
import type { Material } from '../../api/types';
import { useT } from '../../i18n';

const REQ_COLORS = { required: 'red', conditional: 'orange', optional: 'default' } as const;

/** Read-only 申请材料 table used by the public guide and the version viewer. */
export function MaterialsTable({ materials }: { materials: Material[] }) {
  const t = useT();
  return (
    <Table<Material>
      className="ow-materials"
      rowKey="key"
      size="small"
      bordered
      pagination={false}
      dataSource={materials}
      columns={[
        { title: '#', key: 'idx', width: 44, render: (_, __, i) => i + 1 },
        {
          title: t('materials.name'),
          dataIndex: 'name',
          render: (name: string, m) => (
            <div>
              <div>{name}</div>
              {(m.hasBlankForm || m.hasSample) && (
                <Space size={4} style={{ marginTop: 4 }}>
                  {m.hasBlankForm && <Tag>{t('guide.hasBlankForm')}</Tag>}
                  {m.hasSample && <Tag>{t('guide.hasSample')}</Tag>}
                </Space>
              )}
            </div>
          ),
        },
        {
          title: t('materials.form'),
          dataIndex: 'form',
          width: 120,
          render: (f: string) => t.label('materialForm', f),
        },
        { title: t('materials.copies'), dataIndex: 'copies', width: 70, align: 'center' },
        {
          title: t('materials.requirement'),
          dataIndex: 'requirement',
          width: 200,
          render: (r: Material['requirement'], m) => (
            <div>
              <Tag color={REQ_COLORS[r]}>{t.label('requirement', r)}</Tag>
              {r === 'conditional' && m.condition && (
                <div style={{ marginTop: 4, fontSize: 12 }}>
                  {t('guide.conditionPrefix')}
                  {m.condition}
                </div>
              )}
            </div>
          ),
        },
        { title: t('materials.notes'), dataIndex: 'notes', render: (n: string) => n || '—' },
      ]}
    />
  );
}

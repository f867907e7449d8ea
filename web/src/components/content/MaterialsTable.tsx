import { DownloadOutlined } from '@ant-design/icons';
import { Grid, Space, Table, Tag } from 'antd';
import type { Material, MaterialFileKind } from '../../api/types';
import { useT } from '../../i18n';

const REQ_COLORS = { required: 'red', conditional: 'orange', optional: 'default' } as const;

/**
 * Read-only 申请材料 table used by the public guide and the version viewer. `download` gives the address of a
 * material's uploaded blank form or sample; without one the table only says that the hall has it.
 */
export function MaterialsTable({
  materials,
  download,
}: {
  materials: Material[];
  download?: (materialKey: string, kind: MaterialFileKind) => string | undefined;
}) {
  const t = useT();
  // On a phone the notes go under the material's name instead of a column of their own.
  const narrow = !Grid.useBreakpoint().sm;
  return (
    <Table<Material>
      className="ow-materials"
      rowKey="key"
      size="small"
      bordered
      pagination={false}
      dataSource={materials}
      columns={[
        { title: '#', key: 'idx', width: 44, responsive: ['sm'], render: (_, __, i) => i + 1 },
        {
          title: t('materials.name'),
          dataIndex: 'name',
          render: (name: string, m) => (
            <div>
              <div>{name}</div>
              {narrow && m.notes && <div style={{ marginTop: 4, fontSize: 12, color: '#666' }}>{m.notes}</div>}
              <MaterialFiles material={m} download={download} />
            </div>
          ),
        },
        {
          title: t('materials.form'),
          dataIndex: 'form',
          width: 120,
          responsive: ['sm'],
          render: (f: string) => t.label('materialForm', f),
        },
        { title: t('materials.copies'), dataIndex: 'copies', width: 56, align: 'center' },
        {
          title: t('materials.requirement'),
          dataIndex: 'requirement',
          width: 120,
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
        { title: t('materials.notes'), dataIndex: 'notes', responsive: ['sm'], render: (n: string) => n || '—' },
      ]}
    />
  );
}

/** The blank form and sample of a material: links to download when uploaded, else tags saying the hall has them. */
function MaterialFiles({
  material: m,
  download,
}: {
  material: Material;
  download?: (materialKey: string, kind: MaterialFileKind) => string | undefined;
}) {
  const t = useT();
  const form = download?.(m.key, 'blank_form');
  const sample = download?.(m.key, 'sample');
  if (!(m.hasBlankForm || m.hasSample || form || sample)) return null;
  const link = (href: string, label: string) => (
    <a href={href} download className="ow-material-download">
      <DownloadOutlined /> {label}
    </a>
  );
  return (
    <Space size={[12, 4]} wrap style={{ marginTop: 4 }}>
      {form ? link(form, t('guide.blankForm')) : m.hasBlankForm && <Tag>{t('guide.hasBlankForm')}</Tag>}
      {sample ? link(sample, t('guide.sample')) : m.hasSample && <Tag>{t('guide.hasSample')}</Tag>}
    </Space>
  );
}

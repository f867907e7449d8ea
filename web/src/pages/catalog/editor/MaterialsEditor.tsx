import { Card, Checkbox, Form, Input, InputNumber, Select } from 'antd';
import type { FormListFieldData } from 'antd/es/form';
import type { ColumnsType } from 'antd/es/table';
import { useT } from '../../../i18n';
import { newMaterial } from './formModel';
import { ListTable } from './ListTable';
import { type EditorFiles, MaterialFileCell } from './MaterialFileCell';
import { RowActions } from './RowActions';

const FORMS = ['original', 'copy', 'original_and_copy'] as const;
const REQUIREMENTS = ['required', 'conditional', 'optional'] as const;
const cell = { style: { margin: 0 } };
/** Below this the table scrolls inside its card rather than squeezing the name to nothing. */
const MIN_WIDTH = 820;

/** Editable 材料清单: one table row per Material; rows can be added, removed and reordered. */
export function MaterialsEditor({ readOnly, files }: { readOnly: boolean; files?: EditorFiles }) {
  const t = useT();

  const columns = (
    count: number,
    move: (a: number, b: number) => void,
    remove: (i: number) => void,
  ): ColumnsType<FormListFieldData> => [
    { title: '#', key: 'idx', width: 32, render: (_, __, i) => i + 1 },
    {
      // The name takes what the fixed columns leave: the table fits the card of a 1440 px desk.
      title: t('materials.name'),
      key: 'name',
      render: (_, f) => (
        <Form.Item
          {...cell}
          name={[f.name, 'name']}
          rules={[{ required: true, whitespace: true, message: t('editor.required', { label: t('materials.name') }) }]}
        >
          {/* A long name wraps within its column instead of being cut off: read whole, edited in place. */}
          <Input.TextArea
            aria-label={t('materials.name')}
            placeholder={t('materials.name')}
            autoSize={{ minRows: 1, maxRows: 4 }}
            // One line of text: Enter does not break the name.
            onPressEnter={(e) => e.preventDefault()}
          />
        </Form.Item>
      ),
    },
    {
      // Form, requirement and copies stand one above the other: the table fits the editor's card at 1440 px.
      title: `${t('materials.form')} / ${t('materials.requirement')} / ${t('materials.copies')}`,
      key: 'form',
      width: 128,
      render: (_, f) => (
        <div className="ow-material-stack">
          <Form.Item {...cell} name={[f.name, 'form']} rules={[{ required: true }]}>
            <Select
              aria-label={t('materials.form')}
              popupMatchSelectWidth={false}
              options={FORMS.map((v) => ({ value: v, label: t.label('materialForm', v) }))}
            />
          </Form.Item>
          <Form.Item {...cell} name={[f.name, 'requirement']} rules={[{ required: true }]}>
            <Select
              aria-label={t('materials.requirement')}
              popupMatchSelectWidth={false}
              options={REQUIREMENTS.map((v) => ({ value: v, label: t.label('requirement', v) }))}
            />
          </Form.Item>
          <Form.Item {...cell} name={[f.name, 'copies']} rules={[{ required: true, type: 'integer', min: 1 }]}>
            <InputNumber
              aria-label={t('materials.copies')}
              min={1}
              precision={0}
              suffix={t('materials.copiesUnit')}
              style={{ width: '100%' }}
            />
          </Form.Item>
        </div>
      ),
    },
    {
      title: `${t('materials.condition')} / ${t('materials.notes')}`,
      key: 'condition',
      width: 170,
      render: (_, f) => (
        <>
          <Form.Item
            {...cell}
            name={[f.name, 'condition']}
            dependencies={[['materials', f.name, 'requirement']]}
            rules={[
              ({ getFieldValue }) => ({
                validator: (__, v: string | undefined) =>
                  getFieldValue(['materials', f.name, 'requirement']) === 'conditional' && !v?.trim()
                    ? Promise.reject(new Error(t('materials.conditionRequired')))
                    : Promise.resolve(),
              }),
            ]}
          >
            <Input.TextArea
              aria-label={t('materials.condition')}
              placeholder={t('materials.condition')}
              autoSize={{ minRows: 1, maxRows: 4 }}
            />
          </Form.Item>
          <Form.Item {...cell} name={[f.name, 'notes']} style={{ margin: '6px 0 0' }}>
            <Input.TextArea
              aria-label={t('materials.notes')}
              placeholder={t('materials.notes')}
              autoSize={{ minRows: 1, maxRows: 4 }}
            />
          </Form.Item>
        </>
      ),
    },
    {
      title: <span title={t('materials.essentialHelp')}>{t('materials.essential')}</span>,
      key: 'essential',
      width: 64,
      align: 'center',
      render: (_, f) => (
        <Form.Item {...cell} name={[f.name, 'essential']} valuePropName="checked">
          <Checkbox aria-label={t('materials.essential')} />
        </Form.Item>
      ),
    },
    {
      title: t('catalog.files'),
      key: 'files',
      width: 156,
      render: (_, f) => (
        <>
          <MaterialFileCell row={f.name} kind="blank_form" files={files} readOnly={readOnly} />
          <MaterialFileCell row={f.name} kind="sample" files={files} readOnly={readOnly} />
        </>
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 96,
      fixed: 'right',
      render: (_, __, i) => <RowActions index={i} count={count} disabled={readOnly} onMove={move} onRemove={remove} />,
    },
  ];

  return (
    <Card title={t('materials.title')} className="ow-page-card">
      <ListTable
        name="materials"
        atLeastOne={t('materials.atLeastOne')}
        columns={columns}
        scrollX={MIN_WIDTH}
        testId="materials-table"
        addLabel={t('materials.add')}
        onAdd={(add) => add(newMaterial())}
        readOnly={readOnly}
      />
    </Card>
  );
}

import { PlusOutlined } from '@ant-design/icons';
import { Button, Form, Table } from 'antd';
import type { FormListFieldData, FormListOperation } from 'antd/es/form';
import type { ColumnsType } from 'antd/es/table';
import type { ReactNode } from 'react';

interface Props {
  /** The form list's name (materials, steps). */
  name: string;
  /** Shown when the list is empty on save: an item needs at least one row. */
  atLeastOne: string;
  columns(
    count: number,
    move: FormListOperation['move'],
    remove: FormListOperation['remove'],
  ): ColumnsType<FormListFieldData>;
  scrollX: number;
  testId: string;
  addLabel: string;
  onAdd(add: FormListOperation['add']): void;
  readOnly: boolean;
  /** Under the table, above the add button (e.g. the steps' total). */
  footer?: ReactNode;
}

/** A form list edited as a table, one row per entry, with a row-adding button: the materials and steps editors. */
export function ListTable({ name, atLeastOne, columns, scrollX, testId, addLabel, onAdd, readOnly, footer }: Props) {
  return (
    <Form.List
      name={name}
      rules={[
        {
          validator: (_, list: unknown[] | undefined) =>
            list?.length ? Promise.resolve() : Promise.reject(new Error(atLeastOne)),
        },
      ]}
    >
      {(fields, { add, remove, move }, { errors }) => (
        <>
          <Table<FormListFieldData>
            rowKey="key"
            size="small"
            pagination={false}
            dataSource={fields}
            columns={columns(fields.length, move, remove)}
            scroll={{ x: scrollX }}
            // Columns keep their widths: a long department name must not push the last columns off the card.
            tableLayout="fixed"
            data-testid={testId}
          />
          <Form.ErrorList errors={errors} />
          {footer}
          {!readOnly && (
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => onAdd(add)} style={{ marginTop: 12 }} block>
              {addLabel}
            </Button>
          )}
        </>
      )}
    </Form.List>
  );
}

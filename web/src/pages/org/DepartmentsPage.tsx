import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, Table } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useCan } from '../../api/auth';
import { type DepartmentInput, useDepartments, useSaveDepartment } from '../../api/org';
import type { Department } from '../../api/types';
import { FormModal } from '../../components/FormModal';
import { HallSelect, useHallOptions } from '../../components/HallSelect';
import { QueryError } from '../../components/Results';
import { useT } from '../../i18n';

type Editing = { dept?: Department } | null;

export function DepartmentsPage() {
  const t = useT();
  const can = useCan();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const hallId = params.get('hallId') ?? undefined;
  const depts = useDepartments(hallId);
  const halls = useHallOptions();
  const save = useSaveDepartment();
  const [editing, setEditing] = useState<Editing>(null);
  const canManage = can('org.manage');

  if (depts.error) return <QueryError error={depts.error} onRetry={() => depts.refetch()} />;

  const onSubmit = async (values: DepartmentInput) => {
    const id = editing?.dept?.id;
    // the hall of an existing department is fixed
    await (id
      ? save.mutateAsync({ id, values: { code: values.code, name: values.name, phone: values.phone } })
      : save.mutateAsync({ values }));
    message.success(t('common.saved'));
    setEditing(null);
  };

  return (
    <Card
      title={t('menu.departments')}
      extra={
        canManage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})}>
            {t('dept.create')}
          </Button>
        )
      }
    >
      <div className="ow-toolbar">
        <HallSelect
          aria-label={t('dept.filterHall')}
          placeholder={t('dept.filterHall')}
          allowClear
          style={{ width: 240 }}
          value={hallId}
          onChange={(v) => setParams(v ? { hallId: v } : {})}
        />
      </div>
      <Table<Department>
        rowKey="id"
        loading={depts.isLoading}
        dataSource={depts.data?.items}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (n) => t('common.total', { n }) }}
        columns={[
          { title: t('dept.code'), dataIndex: 'code', width: 140 },
          { title: t('dept.name'), dataIndex: 'name' },
          { title: t('common.hall'), dataIndex: 'hallId', render: (id: string) => halls.nameOf(id) },
          { title: t('dept.phone'), dataIndex: 'phone', width: 160 },
          ...(canManage
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  width: 90,
                  render: (_: unknown, d: Department) => (
                    <Button type="link" size="small" onClick={() => setEditing({ dept: d })}>
                      {t('common.edit')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      <FormModal<DepartmentInput>
        name="department"
        open={editing !== null}
        title={editing?.dept ? t('dept.edit') : t('dept.create')}
        initialValues={editing?.dept ?? { hallId }}
        onCancel={() => setEditing(null)}
        onSubmit={onSubmit}
      >
        <Form.Item label={t('common.hall')} name="hallId" rules={[{ required: true }]}>
          <HallSelect disabled={!!editing?.dept} />
        </Form.Item>
        <Form.Item label={t('dept.code')} name="code" rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={32} />
        </Form.Item>
        <Form.Item label={t('dept.name')} name="name" rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item label={t('dept.phone')} name="phone">
          <Input maxLength={32} />
        </Form.Item>
      </FormModal>
    </Card>
  );
}

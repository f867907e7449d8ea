import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, Table } from 'antd';
import { useState } from 'react';
import { useCan } from '../../api/auth';
import { type HallInput, useHalls, useSaveHall } from '../../api/org';
import type { Hall } from '../../api/types';
import { FormModal } from '../../components/FormModal';
import { QueryError } from '../../components/Results';
import { useT } from '../../i18n';

type Editing = { hall?: Hall } | null;

export function HallsPage() {
  const t = useT();
  const can = useCan();
  const { message } = App.useApp();
  const halls = useHalls();
  const save = useSaveHall();
  const [editing, setEditing] = useState<Editing>(null);
  const canManage = can('org.manage');

  if (halls.error) return <QueryError error={halls.error} onRetry={() => halls.refetch()} />;

  const onSubmit = async (values: HallInput) => {
    await save.mutateAsync({ id: editing?.hall?.id, values });
    message.success(t('common.saved'));
    setEditing(null);
  };

  return (
    <Card
      title={t('menu.halls')}
      extra={
        canManage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})}>
            {t('hall.create')}
          </Button>
        )
      }
    >
      <Table<Hall>
        rowKey="id"
        loading={halls.isLoading}
        dataSource={halls.data?.items}
        pagination={false}
        columns={[
          { title: t('hall.code'), dataIndex: 'code', width: 120 },
          { title: t('hall.name'), dataIndex: 'name' },
          { title: t('hall.address'), dataIndex: 'address' },
          { title: t('hall.phone'), dataIndex: 'phone', width: 150 },
          { title: t('hall.openingHours'), dataIndex: 'openingHours' },
          ...(canManage
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  width: 90,
                  render: (_: unknown, h: Hall) => (
                    <Button type="link" size="small" onClick={() => setEditing({ hall: h })}>
                      {t('common.edit')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      <FormModal<HallInput>
        name="hall"
        open={editing !== null}
        title={editing?.hall ? t('hall.edit') : t('hall.create')}
        initialValues={editing?.hall}
        onCancel={() => setEditing(null)}
        onSubmit={onSubmit}
      >
        <Form.Item label={t('hall.code')} name="code" rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={32} />
        </Form.Item>
        <Form.Item label={t('hall.name')} name="name" rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item label={t('hall.address')} name="address">
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item label={t('hall.phone')} name="phone">
          <Input maxLength={32} />
        </Form.Item>
        <Form.Item label={t('hall.openingHours')} name="openingHours">
          <Input maxLength={100} />
        </Form.Item>
      </FormModal>
    </Card>
  );
}

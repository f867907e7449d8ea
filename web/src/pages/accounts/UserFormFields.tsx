import { Form, Input, Select } from 'antd';
import { useMemo } from 'react';
import { useCan, useMe } from '../../api/auth';
import { useDepartments } from '../../api/org';
import { useHallOptions } from '../../components/HallSelect';
import { useT } from '../../i18n';
import { useRoleOptions } from './roleOptions';

/** Fields of the create/edit account form. */
export function UserFormFields({ mode, maskedPhone }: { mode: 'create' | 'edit'; maskedPhone?: string | null }) {
  const t = useT();
  const can = useCan();
  const { data: me } = useMe();
  const roleOptions = useRoleOptions();
  const halls = useHallOptions();
  const depts = useDepartments(undefined, can('org.read'));
  const form = Form.useFormInstance();
  const hallIds: string[] | undefined = Form.useWatch('hallIds', form);

  const deptOptions = useMemo(() => {
    const list = depts.data?.items ?? me?.departments ?? [];
    return list
      .filter((d) => !hallIds?.length || hallIds.includes(d.hallId))
      .map((d) => ({ value: d.id, label: hallIds?.length === 1 ? d.name : `${d.name}（${halls.nameOf(d.hallId)}）` }));
  }, [depts.data, me?.departments, hallIds, halls]);

  return (
    <>
      <Form.Item label={t('user.username')} name="username" rules={[{ required: true, whitespace: true }]}>
        <Input disabled={mode === 'edit'} autoComplete="off" maxLength={32} />
      </Form.Item>
      <Form.Item label={t('user.displayName')} name="displayName" rules={[{ required: true, whitespace: true }]}>
        <Input maxLength={32} />
      </Form.Item>
      <Form.Item
        label={t('user.phone')}
        name="phone"
        extra={mode === 'edit' && maskedPhone ? t('user.phoneMaskedHint') : undefined}
      >
        <Input placeholder={mode === 'edit' ? (maskedPhone ?? undefined) : undefined} maxLength={11} inputMode="tel" />
      </Form.Item>
      <Form.Item
        label={t('user.roles')}
        name="roles"
        rules={[
          { required: true, type: 'array', min: 1, message: t('common.pleaseSelect', { label: t('user.roles') }) },
        ]}
        tooltip={t('user.separationHint')}
      >
        <Select mode="multiple" options={roleOptions} optionFilterProp="label" />
      </Form.Item>
      <Form.Item
        label={t('user.halls')}
        name="hallIds"
        rules={[
          { required: true, type: 'array', min: 1, message: t('common.pleaseSelect', { label: t('user.halls') }) },
        ]}
      >
        <Select mode="multiple" options={halls.options} loading={halls.loading} optionFilterProp="label" />
      </Form.Item>
      <Form.Item label={t('user.departments')} name="departmentIds">
        <Select mode="multiple" options={deptOptions} loading={depts.isLoading} optionFilterProp="label" />
      </Form.Item>
      {mode === 'create' && (
        <Form.Item label={t('user.initialPassword')} name="initialPassword" rules={[{ required: true }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      )}
    </>
  );
}

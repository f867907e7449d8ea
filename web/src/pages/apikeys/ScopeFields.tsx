import { Checkbox, DatePicker, Form, InputNumber, Tree } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo } from 'react';
import { useKeyScopes } from '../../api/apiKeys';
import { useHalls } from '../../api/org';
import { useT } from '../../i18n';

const GROUP = 'group:';

/** The business permissions as a checkbox tree, grouped by area; the form holds the permission codes only. */
function PermissionTree({ value, onChange }: { value?: string[]; onChange?: (v: string[]) => void }) {
  const t = useT();
  const scopes = useKeyScopes();
  const treeData = useMemo(
    () =>
      (scopes.data?.items ?? []).map((g) => ({
        key: `${GROUP}${g.code}`,
        title: t.locale === 'en' ? g.nameEn : g.name,
        children: g.permissions.map((p) => ({ key: p, title: `${t.label('perm', p)}（${p}）` })),
      })),
    [scopes.data, t],
  );
  if (!treeData.length) return null;
  return (
    <Tree
      checkable
      selectable={false}
      defaultExpandAll
      treeData={treeData}
      checkedKeys={value ?? []}
      onCheck={(checked) => {
        const keys = (Array.isArray(checked) ? checked : checked.checked).map(String);
        onChange?.(keys.filter((k) => !k.startsWith(GROUP)));
      }}
      style={{ maxHeight: 320, overflow: 'auto', border: '1px solid #f0f0f0', padding: 8 }}
    />
  );
}

export interface ScopeValues {
  permissions: string[];
  hallIds: string[];
  expiresOn: Dayjs;
  ratePerMinute?: number;
}

/** The end of the chosen day, as the server's epoch ms. */
export const expiryOf = (d: Dayjs) => d.endOf('day').valueOf();

/** Permissions, halls, expiry and allowance: the part of a key the issue form and the scope change share. */
export function ScopeFields() {
  const t = useT();
  const halls = useHalls();
  return (
    <>
      <Form.Item
        name="permissions"
        label={t('apikeys.permissions')}
        rules={[{ required: true, type: 'array', min: 1, message: t('apikeys.permissionsRequired') }]}
      >
        <PermissionTree />
      </Form.Item>
      <Form.Item
        name="hallIds"
        label={t('apikeys.halls')}
        rules={[{ required: true, type: 'array', min: 1, message: t('apikeys.hallsRequired') }]}
      >
        <Checkbox.Group options={(halls.data?.items ?? []).map((h) => ({ value: h.id, label: h.name }))} />
      </Form.Item>
      <Form.Item name="expiresOn" label={t('apikeys.expiresAt')} rules={[{ required: true }]}>
        <DatePicker
          disabledDate={(d) => d.isBefore(dayjs(), 'day') || d.isAfter(dayjs().add(730, 'day'))}
          allowClear={false}
        />
      </Form.Item>
      <Form.Item name="ratePerMinute" label={t('apikeys.ratePerMinute')}>
        <InputNumber min={1} max={6000} />
      </Form.Item>
    </>
  );
}

import { Alert, App, Form, Input } from 'antd';
import { useResetPassword } from '../../api/accounts';
import { holdsAdminRole, useRequestAdminChange } from '../../api/security';
import type { User } from '../../api/types';
import { FormModal } from '../../components/FormModal';
import { useT } from '../../i18n';

export function ResetPasswordModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const reset = useResetPassword();
  const ask = useRequestAdminChange();
  const admin = holdsAdminRole(user?.roles);
  return (
    <FormModal<{ initialPassword: string }>
      name="reset-password"
      open={user !== null}
      title={t('user.resetTitle', { name: user ? `${user.displayName}（${user.username}）` : '' })}
      onCancel={onClose}
      okText={t('user.resetPassword')}
      onSubmit={async ({ initialPassword }) => {
        if (!user) return;
        if (admin) {
          await ask.mutateAsync({ kind: 'reset_password', targetUserId: user.id, initialPassword });
          message.success(t('requests.submitted'));
        } else {
          await reset.mutateAsync({ id: user.id, initialPassword });
          message.success(t('user.resetDone'));
        }
        onClose();
      }}
    >
      <Alert type="info" showIcon title={t('user.resetHint')} style={{ marginBottom: 16 }} />
      {admin && <Alert type="warning" showIcon title={t('requests.adminHint')} style={{ marginBottom: 16 }} />}
      <Form.Item label={t('user.initialPassword')} name="initialPassword" rules={[{ required: true }]}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </FormModal>
  );
}

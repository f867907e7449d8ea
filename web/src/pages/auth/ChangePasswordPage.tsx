import { App, Button, Card, Form, Input } from 'antd';
import { useNavigate } from 'react-router';
import { useChangePassword } from '../../api/auth';
import { isApiError } from '../../api/client';
import { applyFieldError } from '../../api/formErrors';
import { useNotifyError } from '../../components/useNotifyError';
import { useT } from '../../i18n';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

export function ChangePasswordPage() {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const change = useChangePassword();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const notifyError = useNotifyError();

  const onFinish = ({ currentPassword, newPassword }: Values) => {
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          message.success(t('password.changed'));
          form.resetFields();
          navigate('/', { replace: true });
        },
        onError: (e) => {
          if (applyFieldError(form, e)) return;
          // a wrong current password comes back as 401 INVALID_CREDENTIALS without a field
          if (isApiError(e) && e.code === 'INVALID_CREDENTIALS') {
            form.setFields([{ name: 'currentPassword', errors: [e.message] }]);
            return;
          }
          notifyError(e);
        },
      },
    );
  };

  return (
    <Card title={t('password.title')} style={{ maxWidth: 520 }}>
      <Form<Values> form={form} name="change-password" layout="vertical" onFinish={onFinish}>
        <Form.Item
          label={t('password.current')}
          name="currentPassword"
          rules={[{ required: true, message: t('password.currentRequired') }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          label={t('password.new')}
          name="newPassword"
          dependencies={['currentPassword']}
          rules={[
            { required: true, message: t('password.newRequired') },
            ({ getFieldValue }) => ({
              validator: (_, v) =>
                v && v === getFieldValue('currentPassword')
                  ? Promise.reject(new Error(t('password.sameAsOld')))
                  : Promise.resolve(),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          label={t('password.confirm')}
          name="confirmPassword"
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('password.confirmRequired') },
            ({ getFieldValue }) => ({
              validator: (_, v) =>
                !v || v === getFieldValue('newPassword')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('password.mismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={change.isPending}>
          {t('password.submit')}
        </Button>
      </Form>
    </Card>
  );
}

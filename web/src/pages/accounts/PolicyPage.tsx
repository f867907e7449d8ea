import { Alert, App, Button, Card, Divider, Form, InputNumber } from 'antd';
import { useEffect } from 'react';
import { usePolicy, useSavePolicy } from '../../api/accounts';
import { useCan } from '../../api/auth';
import { applyFieldError } from '../../api/formErrors';
import type { Policy } from '../../api/types';
import { PageLoading, QueryError } from '../../components/Results';
import { useNotifyError } from '../../components/useNotifyError';
import { policyBounds } from '../../../../server/src/domain/password-policy.ts';
import { type MessageKey, useT } from '../../i18n';

interface FieldDef {
  name: keyof Policy;
  label: MessageKey;
  unit?: MessageKey;
  help?: MessageKey;
}

const SECTIONS: { title: MessageKey; fields: FieldDef[] }[] = [
  {
    title: 'policy.password',
    fields: [
      { name: 'minLength', label: 'policy.minLength', unit: 'policy.unitChars' },
      { name: 'minClasses', label: 'policy.minClasses', unit: 'policy.unitClasses', help: 'policy.minClassesHelp' },
    ],
  },
  {
    title: 'policy.lockout',
    fields: [
      { name: 'maxFailures', label: 'policy.maxFailures', unit: 'policy.unitTimes' },
      { name: 'lockoutMinutes', label: 'policy.lockoutMinutes' },
    ],
  },
  {
    title: 'policy.session',
    fields: [
      { name: 'idleTimeoutMinutes', label: 'policy.idleTimeoutMinutes' },
      { name: 'absoluteTimeoutHours', label: 'policy.absoluteTimeoutHours' },
    ],
  },
  {
    title: 'policy.history',
    fields: [
      { name: 'passwordHistory', label: 'policy.passwordHistory' },
      { name: 'passwordMaxAgeDays', label: 'policy.passwordMaxAgeDays', unit: 'policy.unitDays' },
    ],
  },
];

export function PolicyPage() {
  const t = useT();
  const can = useCan();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const policy = usePolicy();
  const save = useSavePolicy();
  const [form] = Form.useForm<Policy>();
  const editable = can('policy.manage');

  useEffect(() => {
    if (policy.data) form.setFieldsValue(policy.data);
  }, [policy.data, form]);

  if (policy.error) return <QueryError error={policy.error} onRetry={() => policy.refetch()} />;
  if (!policy.data) return <PageLoading />;

  const onFinish = (values: Policy) =>
    save.mutate(values, {
      onSuccess: () => message.success(t('common.saved')),
      onError: (e) => applyFieldError(form, e) || notifyError(e),
    });

  return (
    <Card title={t('policy.title')} style={{ maxWidth: 720 }}>
      {!editable && <Alert type="info" showIcon title={t('policy.readonly')} style={{ marginBottom: 16 }} />}
      <Alert
        type="warning"
        showIcon
        title={t('policy.floor')}
        style={{ marginBottom: 16 }}
        data-testid="policy-floor"
      />
      <Form<Policy>
        form={form}
        name="policy"
        layout="horizontal"
        labelCol={{ span: 10 }}
        wrapperCol={{ span: 14 }}
        initialValues={policy.data}
        disabled={!editable}
        onFinish={onFinish}
      >
        {SECTIONS.map((s) => (
          <div key={s.title}>
            <Divider titlePlacement="start">{t(s.title)}</Divider>
            {s.fields.map((f) => {
              // The MLPS level-3 floor, the same bounds the server enforces.
              const { min, max } = policyBounds[f.name];
              const allowed = t('policy.allowed', { min, max });
              return (
                <Form.Item
                  key={f.name}
                  label={t(f.label)}
                  name={f.name}
                  extra={f.help ? `${t(f.help)}；${allowed}` : allowed}
                  rules={[{ required: true, type: 'integer', min, max }]}
                >
                  <InputNumber
                    min={min}
                    max={max}
                    precision={0}
                    suffix={f.unit ? t(f.unit) : undefined}
                    style={{ width: 160 }}
                  />
                </Form.Item>
              );
            })}
          </div>
        ))}
        {editable && (
          <Form.Item wrapperCol={{ offset: 10 }}>
            <Button type="primary" htmlType="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
          </Form.Item>
        )}
      </Form>
    </Card>
  );
}

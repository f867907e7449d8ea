import { Button, Form, type FormInstance, Modal } from 'antd';
import { type ReactNode, useState } from 'react';
import { applyFieldError } from '../api/formErrors';
import { useT } from '../i18n';
import { useNotifyError } from './useNotifyError';

interface FormModalProps<T> {
  open: boolean;
  title: ReactNode;
  width?: number;
  initialValues?: Partial<T>;
  /** Throw (e.g. an ApiError) to keep the modal open; field errors land on their form items. */
  onSubmit: (values: T) => Promise<unknown>;
  onCancel: () => void;
  /** Server field name → form field name. */
  aliases?: Record<string, string>;
  okText?: string;
  name?: string;
  children: ReactNode | ((form: FormInstance<T>) => ReactNode);
}

/** A modal holding a fresh vertical form each time it opens. */
export function FormModal<T extends object>(props: FormModalProps<T>) {
  return (
    <Modal
      open={props.open}
      title={props.title}
      width={props.width ?? 560}
      onCancel={props.onCancel}
      footer={null}
      destroyOnHidden
    >
      {props.open && <ModalForm {...props} />}
    </Modal>
  );
}

function ModalForm<T extends object>({
  initialValues,
  onSubmit,
  onCancel,
  aliases,
  okText,
  name,
  children,
}: FormModalProps<T>) {
  const t = useT();
  const [form] = Form.useForm<T>();
  const [saving, setSaving] = useState(false);
  const notifyError = useNotifyError();

  const onFinish = async (values: T) => {
    setSaving(true);
    try {
      await onSubmit(values);
    } catch (e) {
      if (!applyFieldError(form, e, aliases)) notifyError(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Form<T> form={form} name={name} layout="vertical" initialValues={initialValues} onFinish={onFinish}>
      {typeof children === 'function' ? children(form) : children}
      <div style={{ display: 'flex', justifyContent: 'flex-end', gap: 8, marginTop: 8 }}>
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
        <Button type="primary" htmlType="submit" loading={saving}>
          {okText ?? t('common.save')}
        </Button>
      </div>
    </Form>
  );
}

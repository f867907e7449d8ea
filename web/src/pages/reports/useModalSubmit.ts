import { App, type FormInstance } from 'antd';
import { applyFieldError } from '../../api/formErrors';
import { useNotifyError } from '../../components/useNotifyError';

/**
 * The OK of a form dialog: validate, send, say what was done and close; a refusal naming a field of the form is
 * shown on that field, any other as a message.
 */
export function useModalSubmit<V, R>(
  form: FormInstance<V>,
  send: (values: V) => Promise<R>,
  done: (result: R) => string,
  onClose: () => void,
) {
  const { message } = App.useApp();
  const notify = useNotifyError();
  return async () => {
    const values = await form.validateFields();
    try {
      const result = await send(values);
      message.success(done(result));
      onClose();
    } catch (e) {
      if (!applyFieldError(form, e)) notify(e);
    }
  };
}

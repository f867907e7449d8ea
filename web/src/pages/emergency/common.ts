/** What the emergency tabs share: the plan kinds as options, a time as the hall reads it, and the form sender. */
import { App, type Form } from 'antd';
import { isApiError } from '../../api/client';
import { planKindLabels, planKinds, useEmergencyWrite } from '../../api/emergency';
import { useT } from '../../i18n';

export const kindOptions = planKinds.map((k) => ({ value: k, label: planKindLabels[k] }));
export const time = (at: number) => new Date(at).toLocaleString('zh-CN');

/** A form that sends through the emergency API and names the refused field. */
export function useSend() {
  const { message } = App.useApp();
  const t = useT();
  const write = useEmergencyWrite();
  return async (
    form: ReturnType<typeof Form.useForm>[0],
    req: { method?: 'post' | 'put'; path: string; body: unknown; keep?: boolean },
  ) => {
    try {
      await write.mutateAsync(req);
      message.success(t('em.saved'));
      // A settings form keeps what was saved; a form that adds a record empties for the next one.
      if (!req.keep) form.resetFields();
      return true;
    } catch (e) {
      if (isApiError(e) && e.field) form.setFields([{ name: e.field, errors: [e.message] }]);
      message.error((e as Error).message);
      return false;
    }
  };
}

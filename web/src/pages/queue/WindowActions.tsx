import { Form, Input, Modal, Radio, Select } from 'antd';
import type { OutcomeKind, QueueCategory, QueueWindow } from '../../api/queue';
import { useT } from '../../i18n';

export type Dialog = 'pause' | 'finish' | 'transfer' | null;

interface Props {
  dialog: Dialog;
  categories: QueueCategory[];
  windows: QueueWindow[];
  currentWindowId: string;
  busy: boolean;
  onCancel: () => void;
  onSubmit: (dialog: Exclude<Dialog, null>, values: Record<string, unknown>) => Promise<void>;
}

/** The three window actions that need a few words from the clerk: pause, finish and transfer. */
export function WindowDialogs({ dialog, categories, windows, currentWindowId, busy, onCancel, onSubmit }: Props) {
  const t = useT();
  const [form] = Form.useForm();
  const kind = Form.useWatch<OutcomeKind | undefined>('outcomeKind', form);
  const titles = { pause: t('window.pause'), finish: t('window.finish'), transfer: t('window.transfer') } as const;
  const ok = async () => {
    if (!dialog) return;
    const values = await form.validateFields();
    await onSubmit(dialog, values);
    form.resetFields();
  };
  return (
    <Modal
      open={!!dialog}
      title={dialog ? titles[dialog] : ''}
      onOk={ok}
      onCancel={onCancel}
      confirmLoading={busy}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false} initialValues={{ outcomeKind: 'none' }}>
        {dialog === 'pause' && (
          <Form.Item name="reason" label={t('window.pauseReason')} rules={[{ required: true, whitespace: true }]}>
            <Input maxLength={200} />
          </Form.Item>
        )}
        {dialog === 'finish' && (
          <>
            <Form.Item name="outcomeKind" label={t('window.outcomeKind')}>
              <Radio.Group
                options={(['none', 'consultation', 'case'] as const).map((k) => ({
                  value: k,
                  label: t(`window.outcome.${k}`),
                }))}
              />
            </Form.Item>
            {kind && kind !== 'none' && (
              <Form.Item name="outcomeId" label={t('window.outcomeId')} rules={[{ required: true, whitespace: true }]}>
                <Input maxLength={64} />
              </Form.Item>
            )}
          </>
        )}
        {dialog === 'transfer' && (
          <>
            <Form.Item name="categoryId" label={t('window.transferCategory')}>
              <Select
                allowClear
                options={categories
                  .filter((c) => c.active)
                  .map((c) => ({ value: c.id, label: `${c.prefix} ${c.name}` }))}
              />
            </Form.Item>
            <Form.Item name="windowId" label={t('window.transferWindow')}>
              <Select
                allowClear
                options={windows
                  .filter((w) => w.id !== currentWindowId)
                  .map((w) => ({ value: w.id, label: `${w.number} ${w.name}` }))}
              />
            </Form.Item>
            <Form.Item name="reason" label={t('window.reason')}>
              <Input maxLength={200} />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}

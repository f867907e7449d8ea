import { Alert, App, Button, DatePicker, Form, Input, Modal, Space, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import { api, isApiError } from '../../api/client';
import type { CaseDetail } from '../../api/cases';
import type { ReceptionInput } from '../../api/reception';
import { useT } from '../../i18n';
import { flushReceptions, useOfflineQueue } from './offlineQueue';

/** 待上传 N 件, the blank paper receipt, and the upload when the network is back. */
export function OfflineBar({ hallId, onBackEntry }: { hallId: string | undefined; onBackEntry: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const { items, online, refresh } = useOfflineQueue();
  const wasOnline = useRef(online);
  useEffect(() => {
    if (!online) {
      wasOnline.current = false;
      return;
    }
    const back = !wasOnline.current;
    wasOnline.current = true;
    void flushReceptions().then(async (r) => {
      await refresh();
      if (r.sent) message.success(t('off.sent', { n: r.sent }));
      for (const msg of r.refused) message.error(t('off.failed', { msg }));
      if (back && !r.sent && !r.refused.length) await refresh();
    });
  }, [online, refresh, message, t]);
  const pending = items.filter((i) => !i.error).length;
  return (
    <>
      {!online && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('off.offline')} />}
      <Space className="rc-offline" wrap style={{ marginBottom: 12 }}>
        {pending > 0 ? (
          <Tag color="orange" data-testid="offline-pending">
            {t('off.pending', { n: pending })}
          </Tag>
        ) : (
          items.length === 0 && (
            <Tag color="green" data-testid="offline-pending">
              {t('off.allSent')}
            </Tag>
          )
        )}
        {items
          .filter((i) => i.error)
          .map((i) => (
            <Tag color="red" key={i.key}>
              {i.error}
            </Tag>
          ))}
        {hallId && (
          <Typography.Link href={`/api/emergency/paper-receipt.pdf?hallId=${hallId}`} target="_blank">
            {t('off.blank')}
          </Typography.Link>
        )}
        <Button size="small" onClick={onBackEntry} disabled={!online}>
          {t('be.open')}
        </Button>
      </Space>
    </>
  );
}

interface BackEntryValues {
  paperReceiptNo: string;
  receivedAt: Dayjs;
  acceptedAt: Dayjs;
}

/** 补录: the reception on screen entered with the paper receipt's number and real times. */
export function BackEntryModal({
  open,
  input,
  onClose,
  onDone,
}: {
  open: boolean;
  input: () => ReceptionInput | null;
  onClose: () => void;
  onDone: (d: CaseDetail) => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<BackEntryValues>();
  const [busy, setBusy] = useState(false);
  const submit = async (v: BackEntryValues) => {
    const base = input();
    if (!base) return;
    setBusy(true);
    try {
      const d = await api.post<CaseDetail>('/api/intake/back-entries', {
        ...base,
        paperReceiptNo: v.paperReceiptNo,
        receivedAt: v.receivedAt.valueOf(),
        acceptedAt: v.acceptedAt.valueOf(),
      });
      message.success(t('be.done', { no: d.caseNo ?? '', deadline: d.deadline ?? '' }));
      form.resetFields();
      onDone(d);
    } catch (e) {
      if (isApiError(e) && e.field && ['paperReceiptNo', 'receivedAt', 'acceptedAt'].includes(e.field))
        form.setFields([{ name: e.field as keyof BackEntryValues, errors: [e.message] }]);
      else message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={open}
      title={t('be.title')}
      okText={t('be.submit')}
      confirmLoading={busy}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('be.hint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="paperReceiptNo" label={t('be.paperNo')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="receivedAt" label={t('be.receivedAt')} rules={[{ required: true }]}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="acceptedAt" label={t('be.acceptedAt')} rules={[{ required: true }]}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

import {
  App,
  Button,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { isApiError } from '../../api/client';
import { type FeeEntry, type PayMethod, useCaseFees, useFeeWrite, yuan } from '../../api/emergency';
import { useCan } from '../../api/auth';
import { useT } from '../../i18n';

const methods: PayMethod[] = ['cash', 'card', 'scan'];

/** 收费 on the case page: the fee items, what is paid and owed, payments with the fiscal receipt, refunds. */
export function FeesPanel({ caseId }: { caseId: string }) {
  const t = useT();
  const { message } = App.useApp();
  const fees = useCaseFees(caseId);
  const write = useFeeWrite(caseId);
  const [mode, setMode] = useState<null | 'payments' | { refund: FeeEntry }>(null);
  const [form] = Form.useForm();
  const can = useCan();
  const f = fees.data;
  if (!f || f.dueFen === 0) return null;
  const submit = async (v: { amount: number; method: PayMethod; receiptNo: string; reason: string }) => {
    const amountFen = Math.round(v.amount * 100);
    const refund = typeof mode === 'object' && mode ? mode.refund : null;
    try {
      await write.mutateAsync(
        refund
          ? { path: 'refunds', body: { paymentId: refund.id, amountFen, reason: v.reason } }
          : { path: 'payments', body: { amountFen, method: v.method, receiptNo: v.receiptNo } },
      );
      message.success(t(refund ? 'fee.refundAsked' : 'fee.recorded'));
      setMode(null);
      form.resetFields();
    } catch (e) {
      const field = isApiError(e) && e.field === 'amountFen' ? 'amount' : isApiError(e) ? e.field : undefined;
      if (field && ['amount', 'method', 'receiptNo', 'reason'].includes(field))
        form.setFields([{ name: field, errors: [(e as Error).message] }]);
      else message.error((e as Error).message);
    }
  };
  return (
    <>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('fee.title')}
      </Typography.Title>
      <Descriptions size="small" bordered column={4}>
        <Descriptions.Item label={t('fee.items')} span={4}>
          {f.items.map((i) => t('fee.itemYuan', { name: i.name, amount: yuan(i.amountFen) })).join(t('fee.itemSep'))}
          {f.payFirst && (
            <Tag color="orange" style={{ marginLeft: 8 }}>
              {t('fee.payFirst')}
            </Tag>
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('fee.due')}>{t('fee.yuan', { amount: yuan(f.dueFen) })}</Descriptions.Item>
        <Descriptions.Item label={t('fee.paid')}>{t('fee.yuan', { amount: yuan(f.paidFen) })}</Descriptions.Item>
        <Descriptions.Item label={t('fee.owed')}>
          <Typography.Text type={f.owedFen > 0 ? 'danger' : undefined} data-testid="fee-owed">
            {t('fee.yuan', { amount: yuan(f.owedFen) })}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item>
          {can('fee.collect') && f.owedFen > 0 && (
            <Button type="primary" size="small" onClick={() => setMode('payments')}>
              {t('fee.record')}
            </Button>
          )}
        </Descriptions.Item>
      </Descriptions>
      {f.entries.length > 0 && (
        <Table<FeeEntry>
          size="small"
          rowKey="id"
          pagination={false}
          style={{ marginTop: 8 }}
          dataSource={f.entries}
          columns={[
            { title: t('fee.at'), render: (_, e) => new Date(e.at).toLocaleString('zh-CN'), width: 170 },
            { title: '', render: (_, e) => t(`fee.kind.${e.kind}`), width: 60 },
            { title: t('fee.amount'), render: (_, e) => yuan(e.amountFen), width: 100, align: 'right' },
            { title: t('fee.method'), dataIndex: 'methodLabel', width: 90 },
            { title: t('fee.receiptNo'), dataIndex: 'receiptNo', width: 170 },
            { title: '', render: (_, e) => t(`fee.status.${e.status}`), width: 80 },
            { title: '', dataIndex: 'by', width: 90 },
            {
              title: '',
              render: (_, e) =>
                e.kind === 'payment' && can('fee.collect') ? (
                  <Button size="small" onClick={() => setMode({ refund: e })}>
                    {t('fee.refund')}
                  </Button>
                ) : (
                  e.reason
                ),
            },
          ]}
        />
      )}
      <Modal
        open={mode !== null}
        title={typeof mode === 'object' && mode ? t('fee.refund') : t('fee.record')}
        onCancel={() => setMode(null)}
        onOk={() => form.submit()}
        confirmLoading={write.isPending}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={submit} initialValues={{ method: 'scan' }}>
          <Form.Item name="amount" label={t('fee.amount')} rules={[{ required: true }]}>
            <InputNumber min={0.01} precision={2} style={{ width: '100%' }} />
          </Form.Item>
          {typeof mode === 'object' && mode ? (
            <Form.Item name="reason" label={t('fee.reason')} rules={[{ required: true, whitespace: true }]}>
              <Input.TextArea rows={2} maxLength={500} />
            </Form.Item>
          ) : (
            <Space.Compact block style={{ display: 'block' }}>
              <Form.Item name="method" label={t('fee.method')} rules={[{ required: true }]}>
                <Select options={methods.map((m) => ({ value: m, label: t(`fee.${m}`) }))} />
              </Form.Item>
              <Form.Item name="receiptNo" label={t('fee.receiptNo')} rules={[{ required: true, whitespace: true }]}>
                <Input maxLength={40} />
              </Form.Item>
            </Space.Compact>
          )}
        </Form>
      </Modal>
    </>
  );
}

import { Checkbox, DatePicker, Form, Input, InputNumber, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useT } from '../../i18n';
import type { Shortfall } from './checklist';

export type Outcome = 'accept' | 'notice' | 'refuse' | 'defer';

export interface NoticeValues {
  supplementDays: number;
  corrections: { key: string; requirement: string }[];
  note: string;
}
export interface RefuseValues {
  reasons: string;
  referral: string;
  basis: string;
}
export interface DeferValues {
  promiseSigned: boolean;
  supplementDeadline: string;
}

interface Props {
  open: Outcome | null;
  shortfalls: Shortfall[];
  busy: boolean;
  /** Suggested supplement deadline (5 working days on the hall calendar). */
  suggestedDeadline: string | null;
  onCancel: () => void;
  onNotice: (v: NoticeValues) => void;
  onRefuse: (v: RefuseValues) => void;
  onDefer: (v: DeferValues) => void;
}

/** The small forms behind 一次性告知、不予受理 and 容缺受理; each asks only what its document prints. */
export function OutcomeModals({
  open,
  shortfalls,
  busy,
  suggestedDeadline,
  onCancel,
  onNotice,
  onRefuse,
  onDefer,
}: Props) {
  const t = useT();
  const [notice] = Form.useForm<{ supplementDays: number; note: string; req: Record<string, string> }>();
  const [refuse] = Form.useForm<RefuseValues>();
  const [defer] = Form.useForm<{ promiseSigned: boolean; supplementDeadline: Dayjs }>();

  useEffect(() => {
    if (open === 'notice') {
      notice.setFieldsValue({
        supplementDays: 5,
        note: '',
        req: Object.fromEntries(
          shortfalls.map((s) => [s.key, s.status === 'incorrect' ? s.reason : t('rc.provideDefault')]),
        ),
      });
    }
    if (open === 'defer')
      defer.setFieldsValue({
        promiseSigned: false,
        supplementDeadline: suggestedDeadline ? dayjs(suggestedDeadline) : undefined,
      });
    if (open === 'refuse') refuse.resetFields();
  }, [open, shortfalls, suggestedDeadline, notice, defer, refuse, t]);

  return (
    <>
      <Modal
        open={open === 'notice'}
        title={t('rc.out.notice')}
        okText={t('rc.issueNotice')}
        confirmLoading={busy}
        onCancel={onCancel}
        onOk={() => notice.submit()}
        width={640}
        destroyOnHidden
      >
        <Form
          form={notice}
          layout="vertical"
          onFinish={(v) =>
            onNotice({
              supplementDays: v.supplementDays,
              note: v.note ?? '',
              corrections: shortfalls.map((s) => ({
                key: s.key,
                requirement: (v.req?.[s.key] ?? '').trim() || t('rc.provideDefault'),
              })),
            })
          }
        >
          {shortfalls.map((s) => (
            <Form.Item key={s.key} name={['req', s.key]} label={`${s.name}（${t(`rc.mat.${s.status}`)}）`}>
              <Input aria-label={t('rc.requirementOf', { name: s.name })} />
            </Form.Item>
          ))}
          <Form.Item name="supplementDays" label={t('rc.supplementDays')}>
            <InputNumber min={1} max={30} suffix={t('rc.workingDays')} />
          </Form.Item>
          <Form.Item name="note" label={t('rc.note')}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={open === 'refuse'}
        title={t('rc.out.refuse')}
        okText={t('rc.out.refuse')}
        okButtonProps={{ danger: true }}
        confirmLoading={busy}
        onCancel={onCancel}
        onOk={() => refuse.submit()}
        destroyOnHidden
      >
        <Form
          form={refuse}
          layout="vertical"
          onFinish={(v) => onRefuse({ reasons: v.reasons, referral: v.referral ?? '', basis: v.basis ?? '' })}
        >
          <Form.Item
            name="reasons"
            label={t('rc.refuseReasons')}
            rules={[{ required: true, whitespace: true, message: t('rc.required') }]}
          >
            <Input.TextArea rows={3} />
          </Form.Item>
          <Form.Item name="referral" label={t('rc.referral')}>
            <Input placeholder={t('rc.referralPlaceholder')} />
          </Form.Item>
          <Form.Item name="basis" label={t('rc.basis')}>
            <Input />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={open === 'defer'}
        title={t('rc.out.defer')}
        okText={t('rc.out.defer')}
        confirmLoading={busy}
        onCancel={onCancel}
        onOk={() => defer.submit()}
        destroyOnHidden
      >
        <Form
          form={defer}
          layout="vertical"
          onFinish={(v) =>
            onDefer({ promiseSigned: v.promiseSigned, supplementDeadline: v.supplementDeadline.format('YYYY-MM-DD') })
          }
        >
          <p>{t('rc.deferredItems', { names: shortfalls.map((s) => s.name).join('、') })}</p>
          <Form.Item
            name="supplementDeadline"
            label={t('rc.supplementDeadline')}
            rules={[{ required: true, message: t('rc.required') }]}
          >
            <DatePicker />
          </Form.Item>
          <Form.Item
            name="promiseSigned"
            valuePropName="checked"
            rules={[
              { validator: (_r, v) => (v ? Promise.resolve() : Promise.reject(new Error(t('rc.promiseRequired')))) },
            ]}
          >
            <Checkbox>{t('rc.promiseSigned')}</Checkbox>
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

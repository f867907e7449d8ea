import { Form, Input, InputNumber, Modal, Radio, Select } from 'antd';
import { useDepartmentOptions } from '../../components/HallSelect';
import { useT } from '../../i18n';
import { type ActionSpec, type FieldKind, SUSPENSION_KINDS } from './actions';

const NUMERIC = new Set<FieldKind>(['responseDays', 'extraDays', 'paperYears']);
const DOC_TYPES = [
  'resident_id',
  'residence_permit',
  'hk_macao_permit',
  'taiwan_permit',
  'foreign_permanent_residence_id',
  'passport',
] as const;

interface Props {
  action: string;
  spec: ActionSpec;
  hallId: string;
  busy: boolean;
  onCancel: () => void;
  onSubmit: (body: Record<string, unknown>) => void;
}

/** The small form behind an action button: only the fields that action carries; reasons required where the rules say. */
export function ActionModal({ action, spec, hallId, busy, onCancel, onSubmit }: Props) {
  const t = useT();
  const [form] = Form.useForm<Record<string, unknown>>();
  const departments = useDepartmentOptions(hallId);
  const title = t.label('caseAction', action);
  const input = (f: FieldKind) => {
    switch (f) {
      case 'departmentId':
        return <Select options={departments.options} />;
      case 'kind':
        return <Select options={SUSPENSION_KINDS.map((k) => ({ value: k, label: t(`cs.suspension.${k}`) }))} />;
      case 'responseDays':
      case 'extraDays':
        return <InputNumber min={1} max={f === 'extraDays' ? 60 : 30} suffix={t('rc.workingDays')} />;
      case 'paperYears':
        return <InputNumber min={5} max={100} suffix={t('cs.years')} />;
      case 'docType':
        return <Select options={DOC_TYPES.map((d) => ({ value: d, label: t(`docType.${d}`) }))} />;
      case 'outcome':
        return (
          <Radio.Group
            options={[
              { value: 'success', label: t('cs.outcome.success') },
              { value: 'failure', label: t('cs.outcome.failure') },
            ]}
          />
        );
      case 'channel':
        return (
          <Select
            options={(['sms', 'phone', 'window', 'online'] as const).map((c) => ({
              value: c,
              label: t(`cs.channel.${c}`),
            }))}
          />
        );
      case 'reason':
      case 'reasons':
      case 'question':
      case 'answer':
      case 'summary':
      case 'remedy':
      case 'note':
        return <Input.TextArea rows={3} />;
      default:
        return <Input />;
    }
  };
  return (
    <Modal
      open
      title={title}
      okText={title}
      okButtonProps={{ danger: spec.danger }}
      confirmLoading={busy}
      onCancel={onCancel}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ responseDays: 2, paperYears: 10, docType: 'resident_id', outcome: 'success' }}
        onFinish={onSubmit}
      >
        {spec.fields.map((f) => (
          <Form.Item
            key={f}
            name={f}
            label={t(`cs.field.${f}`)}
            extra={f === 'reason' && spec.fields.includes('outcome') ? t('cs.failureHint') : undefined}
            rules={
              spec.required.includes(f)
                ? [
                    {
                      required: true,
                      message: t('rc.required'),
                      type: NUMERIC.has(f) ? 'number' : 'string',
                      whitespace: !NUMERIC.has(f),
                    },
                  ]
                : []
            }
          >
            {input(f)}
          </Form.Item>
        ))}
        {spec.fields.length === 0 && <p>{t('cs.confirmAction', { action: title })}</p>}
      </Form>
    </Modal>
  );
}

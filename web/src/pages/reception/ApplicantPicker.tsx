import { Button, Form, Input, Radio, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Applicant } from '../../api/cases';
import { applyFieldError } from '../../api/formErrors';
import { type ApplicantInput, registerApplicant, searchApplicants } from '../../api/reception';
import { useNotifyError } from '../../components/useNotifyError';
import { useT } from '../../i18n';

const PERSON_DOCS = [
  'resident_id',
  'residence_permit',
  'hk_macao_permit',
  'taiwan_permit',
  'foreign_permanent_residence_id',
  'passport',
] as const;

interface Props {
  hallId: string | undefined;
  /** 'agent': an individual acting under a power of attorney. */
  party: 'applicant' | 'agent';
  value: Applicant | null;
  onChange: (a: Applicant | null) => void;
}

interface RegisterForm {
  kind: 'person' | 'enterprise';
  name: string;
  docType: ApplicantInput['docType'];
  docNumber: string;
  phone: string;
  legalRepresentative?: string;
}

/** Find the applicant by number, name or phone, or register them on the spot; the server checks the number. */
export function ApplicantPicker({ hallId, party, value, onChange }: Props) {
  const t = useT();
  const notify = useNotifyError();
  const [form] = Form.useForm<RegisterForm>();
  const [found, setFound] = useState<Applicant[] | null>(null);
  const [searching, setSearching] = useState(false);
  const [registering, setRegistering] = useState(false);
  const [saving, setSaving] = useState(false);
  const kind = Form.useWatch('kind', form) ?? 'person';
  const prefix = party === 'agent' ? 'rc.agent' : 'rc.applicant';

  const search = async (q: string) => {
    if (!q.trim() || !hallId) return;
    setSearching(true);
    try {
      const res = await searchApplicants(hallId, q.trim());
      setFound(res.items.filter((a) => party === 'applicant' || a.kind === 'person'));
      if (res.items.length === 0) {
        setRegistering(true);
        const digits = /\d{6,}/.test(q);
        form.setFieldsValue(digits ? { docNumber: q.trim() } : { name: q.trim() });
      }
    } catch (e) {
      notify(e);
    } finally {
      setSearching(false);
    }
  };

  const submit = async (v: RegisterForm) => {
    if (!hallId) return;
    setSaving(true);
    try {
      const a = await registerApplicant({ ...v, hallId, docType: v.kind === 'enterprise' ? 'credit_code' : v.docType });
      onChange(a);
      setRegistering(false);
      setFound(null);
      form.resetFields();
    } catch (e) {
      if (!applyFieldError(form, e)) notify(e);
    } finally {
      setSaving(false);
    }
  };

  if (value) {
    return (
      <div className="rc-chosen">
        <Space wrap>
          <Tag color={value.kind === 'enterprise' ? 'purple' : 'blue'}>
            {t(value.kind === 'enterprise' ? 'rc.kind.enterprise' : 'rc.kind.person')}
          </Tag>
          <Typography.Text strong>{value.name}</Typography.Text>
          <span>
            {value.docTypeLabel} {value.docNumber}
          </span>
          <span>
            {t('rc.phone')} {value.phone}
          </span>
          <Link to={`/applicants/${value.id}`} target="_blank">
            {t('rc.openFile')}
          </Link>
          <Button size="small" onClick={() => onChange(null)}>
            {t('rc.change')}
          </Button>
        </Space>
      </div>
    );
  }

  return (
    <div>
      <div data-enter="keep">
        <Input.Search
          aria-label={t(`${prefix}.find` as 'rc.applicant.find')}
          placeholder={t('rc.findPlaceholder')}
          enterButton={t('rc.find')}
          loading={searching}
          onSearch={search}
          style={{ maxWidth: 520 }}
        />
        <Button type="link" onClick={() => setRegistering((r) => !r)}>
          {t('rc.registerNew')}
        </Button>
      </div>
      {found && found.length > 0 && (
        <div className="rc-found">
          {found.map((a) => (
            <Button key={a.id} onClick={() => onChange(a)} className="rc-found-item">
              {a.name}　{a.docTypeLabel} {a.docNumber}　{a.phone}
            </Button>
          ))}
        </div>
      )}
      {found && found.length === 0 && <Typography.Text type="secondary">{t('rc.notFound')}</Typography.Text>}
      {registering && (
        <Form<RegisterForm>
          form={form}
          layout="inline"
          className="rc-register"
          initialValues={{ kind: 'person', docType: 'resident_id' }}
          onFinish={submit}
        >
          {party === 'applicant' && (
            <Form.Item name="kind" label={t('rc.kind')}>
              <Radio.Group
                optionType="button"
                options={[
                  { value: 'person', label: t('rc.kind.person') },
                  { value: 'enterprise', label: t('rc.kind.enterprise') },
                ]}
              />
            </Form.Item>
          )}
          <Form.Item
            name="name"
            label={t(kind === 'enterprise' ? 'rc.enterpriseName' : 'rc.personName')}
            rules={[{ required: true, message: t('rc.required') }]}
          >
            <Input style={{ width: 180 }} />
          </Form.Item>
          {kind === 'person' && (
            <Form.Item name="docType" label={t('rc.docType')}>
              <Select
                style={{ width: 200 }}
                options={PERSON_DOCS.map((d) => ({ value: d, label: t(`docType.${d}` as 'docType.passport') }))}
              />
            </Form.Item>
          )}
          <Form.Item
            name="docNumber"
            label={t(kind === 'enterprise' ? 'rc.creditCode' : 'rc.docNumber')}
            rules={[{ required: true, message: t('rc.required') }]}
          >
            <Input style={{ width: 220 }} autoComplete="off" />
          </Form.Item>
          {kind === 'enterprise' && (
            <Form.Item name="legalRepresentative" label={t('rc.legalRep')}>
              <Input style={{ width: 120 }} />
            </Form.Item>
          )}
          <Form.Item name="phone" label={t('rc.mobile')} rules={[{ required: true, message: t('rc.required') }]}>
            <Input style={{ width: 150 }} autoComplete="off" />
          </Form.Item>
          <Form.Item>
            <Button htmlType="submit" type="primary" ghost loading={saving}>
              {t('rc.register')}
            </Button>
          </Form.Item>
        </Form>
      )}
    </div>
  );
}

import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Radio, Select, Skeleton } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { applyFieldError } from '../../api/formErrors';
import { type ApplyInput, applyOnline } from '../../api/prereview';
import { useGuideDetail } from '../../api/publicGuide';
import { useNotifyError } from '../../components/useNotifyError';
import { useT } from '../../i18n';
import { useGuideHall } from '../guide/PublicLayout';
import './prereview.css';

const PERSON_DOCS = ['resident_id', 'residence_permit', 'hk_macao_permit', 'taiwan_permit', 'passport'] as const;

/** 网上预审申请 (step 1, on a phone): who applies and how to reach them; the materials follow on the next page. */
export function ApplyPage() {
  const t = useT();
  const { itemId } = useParams();
  const navigate = useNavigate();
  const { setHall } = useGuideHall();
  const guide = useGuideDetail(itemId);
  const [form] = Form.useForm<ApplyInput>();
  const kind = Form.useWatch('kind', form);
  const [sending, setSending] = useState(false);
  const notifyError = useNotifyError();
  useEffect(() => setHall(guide.data?.hall ?? null), [guide.data, setHall]);

  if (guide.isLoading) return <Skeleton active />;
  const g = guide.data;
  const onFinish = async (v: ApplyInput) => {
    if (!itemId) return;
    setSending(true);
    try {
      const a = await applyOnline({ ...v, itemId, docType: v.kind === 'enterprise' ? 'credit_code' : v.docType });
      navigate(`/prereview?no=${encodeURIComponent(a.number)}&code=${encodeURIComponent(a.lookupCode)}&new=1`);
    } catch (e) {
      if (!applyFieldError(form, e)) notifyError(e);
    } finally {
      setSending(false);
    }
  };
  return (
    <Card
      className="ow-pr-card"
      title={t('pr.applyTitle')}
      extra={
        <Link to={itemId ? `/guide/${itemId}` : '/guide'}>
          <Button icon={<ArrowLeftOutlined />} aria-label={t('guide.backToList')} />
        </Link>
      }
    >
      {g && !g.content.onlinePrereview?.allowed ? (
        <Alert type="warning" showIcon title={t('pr.notAllowed')} />
      ) : (
        <Form<ApplyInput>
          form={form}
          name="prereview-apply"
          layout="vertical"
          onFinish={onFinish}
          initialValues={{ kind: 'person', docType: 'resident_id' }}
        >
          <Alert type="info" showIcon title={t('pr.applyIntro')} style={{ marginBottom: 16 }} />
          <Form.Item label={t('pr.item')}>
            <strong>{g?.content.name}</strong>
            <div className="ow-pr-muted">{g?.hall.name}</div>
          </Form.Item>
          <Form.Item name="kind" label={t('pr.kind')}>
            <Radio.Group
              optionType="button"
              options={[
                { value: 'person', label: t('pr.kind.person') },
                { value: 'enterprise', label: t('pr.kind.enterprise') },
              ]}
            />
          </Form.Item>
          <Form.Item name="name" label={t('pr.name')} rules={[{ required: true, whitespace: true }]}>
            <Input maxLength={120} autoComplete="name" />
          </Form.Item>
          {kind !== 'enterprise' && (
            <Form.Item name="docType" label={t('pr.docType')}>
              <Select
                options={PERSON_DOCS.map((d) => ({ value: d, label: t(`docType.${d}` as 'docType.passport') }))}
              />
            </Form.Item>
          )}
          <Form.Item name="docNumber" label={t('pr.docNumber')} rules={[{ required: true, whitespace: true }]}>
            <Input maxLength={40} autoComplete="off" />
          </Form.Item>
          {kind === 'enterprise' && (
            <Form.Item
              name="legalRepresentative"
              label={t('pr.legalRepresentative')}
              rules={[{ required: true, whitespace: true }]}
            >
              <Input maxLength={60} />
            </Form.Item>
          )}
          <Form.Item name="phone" label={t('pr.phone')} rules={[{ required: true, whitespace: true }]}>
            <Input maxLength={20} inputMode="tel" autoComplete="tel" />
          </Form.Item>
          <Form.Item name="address" label={t('pr.address')}>
            <Input maxLength={300} autoComplete="street-address" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={sending}>
            {t('pr.next')}
          </Button>
        </Form>
      )}
    </Card>
  );
}

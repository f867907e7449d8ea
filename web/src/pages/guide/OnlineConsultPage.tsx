import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Descriptions, Form, Input, Result, Row, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { applyFieldError } from '../../api/formErrors';
import { lookupConsultation, submitOnlineConsultation } from '../../api/consult';
import { useGuideList, usePublicHalls } from '../../api/publicGuide';
import { useNotifyError } from '../../components/useNotifyError';
import { type MessageKey, useT } from '../../i18n';
import { useGuideHall } from './PublicLayout';

interface AskForm {
  hallId: string;
  itemId?: string;
  personName: string;
  contactPhone: string;
  question: string;
}

type LookupResult = Awaited<ReturnType<typeof lookupConsultation>>;

/** 在线咨询: anyone may ask without an account; the answer is read back with the number and the lookup code. */
export function OnlineConsultPage() {
  const t = useT();
  const { setHall } = useGuideHall();
  const [params] = useSearchParams();
  const halls = usePublicHalls();
  const hallList = halls.data?.items ?? [];
  const [form] = Form.useForm<AskForm>();
  const hallId = Form.useWatch('hallId', form);
  const items = useGuideList({ hallId });
  const [receipt, setReceipt] = useState<{ number: string; lookupCode: string } | null>(null);
  const [sending, setSending] = useState(false);
  const notifyError = useNotifyError();

  useEffect(() => {
    setHall(hallList.find((h) => h.id === hallId) ?? null);
  }, [hallList, hallId, setHall]);
  useEffect(() => {
    if (form.getFieldValue('hallId') || !hallList.length) return;
    // The hall chosen in the guide (or named in the address) is the one asked.
    const stored = localStorage.getItem('ow.guide.hall');
    const wanted = [params.get('hallId'), stored].find((id) => hallList.some((h) => h.id === id));
    form.setFieldValue('hallId', wanted ?? hallList[0]?.id);
  }, [hallList, form, params]);

  const onFinish = async (v: AskForm) => {
    setSending(true);
    try {
      setReceipt(await submitOnlineConsultation({ ...v, itemId: v.itemId || null }));
      form.resetFields(['personName', 'contactPhone', 'question', 'itemId']);
    } catch (e) {
      if (!applyFieldError(form, e)) notifyError(e);
    } finally {
      setSending(false);
    }
  };

  return (
    <Row gutter={16}>
      <Col xs={24} lg={14}>
        <Card
          title={t('online.title')}
          extra={
            <Link to="/guide">
              <Button icon={<ArrowLeftOutlined />}>{t('guide.backToList')}</Button>
            </Link>
          }
        >
          {receipt ? (
            <Result
              status="success"
              title={t('online.submitted')}
              subTitle={
                <>
                  <div style={{ fontSize: 16 }}>
                    {t('online.receipt', { number: receipt.number, code: receipt.lookupCode })}
                  </div>
                  <div>{t('online.keep')}</div>
                </>
              }
              extra={<Button onClick={() => setReceipt(null)}>{t('online.again')}</Button>}
            />
          ) : (
            <Form<AskForm> form={form} name="online-consult" layout="vertical" onFinish={onFinish}>
              <Alert type="info" showIcon title={t('online.intro')} style={{ marginBottom: 16 }} />
              <Form.Item label={t('online.hall')} name="hallId" rules={[{ required: true }]}>
                <Select options={hallList.map((h) => ({ value: h.id, label: h.name }))} loading={halls.isLoading} />
              </Form.Item>
              <Form.Item label={t('consult.item')} name="itemId">
                <Select
                  allowClear
                  showSearch
                  optionFilterProp="label"
                  placeholder={t('consult.itemPlaceholder')}
                  options={(items.data?.items ?? []).map((i) => ({ value: i.id, label: i.name }))}
                />
              </Form.Item>
              <Row gutter={12}>
                <Col span={12}>
                  <Form.Item
                    label={t('consultForm.personName')}
                    name="personName"
                    rules={[{ required: true, whitespace: true }]}
                  >
                    <Input maxLength={40} autoComplete="name" />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item
                    label={t('consult.contactPhone')}
                    name="contactPhone"
                    rules={[{ required: true, whitespace: true }]}
                  >
                    <Input maxLength={20} inputMode="tel" autoComplete="tel" />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item label={t('consult.question')} name="question" rules={[{ required: true, whitespace: true }]}>
                <Input.TextArea rows={5} maxLength={2000} showCount />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={sending}>
                {t('online.submit')}
              </Button>
            </Form>
          )}
        </Card>
      </Col>
      <Col xs={24} lg={10}>
        <Lookup initialNumber={receipt?.number} initialCode={receipt?.lookupCode} />
      </Col>
    </Row>
  );
}

function Lookup({ initialNumber, initialCode }: { initialNumber?: string; initialCode?: string }) {
  const t = useT();
  const notifyError = useNotifyError();
  const [found, setFound] = useState<LookupResult | null>(null);
  const [form] = Form.useForm<{ number: string; code: string }>();
  useEffect(() => {
    if (initialNumber) form.setFieldsValue({ number: initialNumber, code: initialCode });
  }, [initialNumber, initialCode, form]);
  const onFinish = (v: { number: string; code: string }) =>
    lookupConsultation(v.number.trim(), v.code.trim()).then(setFound, (e) => {
      setFound(null);
      notifyError(e);
    });
  return (
    <Card title={t('online.lookup')}>
      <Form form={form} name="online-lookup" layout="vertical" onFinish={onFinish}>
        <Form.Item label={t('consult.number')} name="number" rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item label={t('online.lookupCode')} name="code" rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={16} />
        </Form.Item>
        <Button htmlType="submit">{t('online.lookupButton')}</Button>
      </Form>
      {found && (
        <Space direction="vertical" style={{ marginTop: 16, width: '100%' }}>
          <Descriptions bordered size="small" column={1}>
            <Descriptions.Item label={t('consult.number')}>{found.number}</Descriptions.Item>
            <Descriptions.Item label={t('consult.status')}>
              {t(`consultStatus.${found.status}` as MessageKey)}
            </Descriptions.Item>
            {found.dueDate && (
              <Descriptions.Item label={t('consult.dueDate')}>
                {found.dueDate}
                {found.dueProvisional && `（${t('cs.provisional')}）`}
              </Descriptions.Item>
            )}
            <Descriptions.Item label={t('consult.answer')}>
              <span style={{ whiteSpace: 'pre-wrap' }}>
                {found.answer ?? found.referralText ?? t('online.noAnswerYet')}
              </span>
            </Descriptions.Item>
          </Descriptions>
        </Space>
      )}
    </Card>
  );
}

import { Col, Form, Input, Radio, Row } from 'antd';
import { useNavigate } from 'react-router';
import { useMe } from '../../api/auth';
import { type RegisterConsultInput, useRegisterConsultation } from '../../api/consult';
import { FormModal } from '../../components/FormModal';
import { HallSelect } from '../../components/HallSelect';
import { useT } from '../../i18n';
import { ItemSelect } from './ItemSelect';
import { KnowledgeSuggest } from './KnowledgeSuggest';

/** Registration at the window or on the phone; the knowledge base suggests answers as the question is typed. */
export function RegisterConsultModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const register = useRegisterConsultation();

  const onSubmit = async (v: RegisterConsultInput) => {
    const body = { ...v, itemId: v.itemId || null, answer: v.answer?.trim() ? v.answer : undefined };
    const d = await register.mutateAsync(body);
    onClose();
    navigate(`/consultations/${d.id}`);
  };

  return (
    <FormModal<RegisterConsultInput>
      name="consult-register"
      open={open}
      width={980}
      title={t('consult.register')}
      initialValues={{ channel: 'visit', hallId: me?.halls[0]?.id }}
      onCancel={onClose}
      onSubmit={onSubmit}
      okText={t('consult.register')}
    >
      {(form) => (
        <Row gutter={16}>
          <Col xs={24} md={14}>
            <Form.Item label={t('common.hall')} name="hallId" rules={[{ required: true }]}>
              <HallSelect />
            </Form.Item>
            <Form.Item label={t('consult.channel')} name="channel" rules={[{ required: true }]}>
              <Radio.Group
                options={[
                  { value: 'visit', label: t('consultChannel.visit') },
                  { value: 'phone', label: t('consultChannel.phone') },
                ]}
              />
            </Form.Item>
            <Row gutter={12}>
              <Col span={12}>
                <Form.Item
                  label={t('consultForm.personName')}
                  name="personName"
                  rules={[{ required: true, whitespace: true }]}
                >
                  <Input maxLength={40} />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item
                  label={t('consult.contactPhone')}
                  name="contactPhone"
                  rules={[{ required: true, whitespace: true }]}
                >
                  <Input maxLength={20} inputMode="tel" />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item noStyle shouldUpdate={(a, b) => a.hallId !== b.hallId}>
              {() => (
                <Form.Item label={t('consult.item')} name="itemId">
                  <ItemSelect hallId={form.getFieldValue('hallId')} placeholder={t('consult.itemPlaceholder')} />
                </Form.Item>
              )}
            </Form.Item>
            <Form.Item label={t('consult.question')} name="question" rules={[{ required: true, whitespace: true }]}>
              <Input.TextArea rows={3} maxLength={2000} showCount />
            </Form.Item>
            <Form.Item label={t('consult.answerOnSpot')} name="answer">
              <Input.TextArea rows={4} maxLength={4000} />
            </Form.Item>
          </Col>
          <Col xs={24} md={10}>
            <Form.Item noStyle shouldUpdate>
              {() => (
                <KnowledgeSuggest
                  hallId={form.getFieldValue('hallId')}
                  itemId={form.getFieldValue('itemId')}
                  text={form.getFieldValue('question') ?? ''}
                  onInsert={(body) => {
                    const current: string = form.getFieldValue('answer') ?? '';
                    form.setFieldValue('answer', current ? `${current}\n${body}` : body);
                  }}
                />
              )}
            </Form.Item>
          </Col>
        </Row>
      )}
    </FormModal>
  );
}

import { Checkbox, Form, Input, Modal, Select } from 'antd';
import type { Applicant } from '../../api/cases';
import { type ApplicantPatch, useUpdateApplicant } from '../../api/reception';
import { applyFieldError } from '../../api/formErrors';
import { useNotifyError } from '../../components/useNotifyError';
import { useT } from '../../i18n';

/** Changes an applicant's details (R5.4); the phone stays masked, so a new one is typed in full or left empty. */
export function EditApplicantModal({ applicant, onClose }: { applicant: Applicant; onClose(): void }) {
  const t = useT();
  const notify = useNotifyError();
  const [form] = Form.useForm<ApplicantPatch>();
  const update = useUpdateApplicant(applicant.id);
  const enterprise = applicant.kind === 'enterprise';
  const submit = async () => {
    const v = await form.validateFields();
    const patch: ApplicantPatch = {};
    if (v.name && v.name !== applicant.name) patch.name = v.name;
    if (v.phone) patch.phone = v.phone;
    if ((v.address ?? '') !== applicant.address) patch.address = v.address ?? '';
    if (enterprise && (v.legalRepresentative ?? '') !== applicant.legalRepresentative)
      patch.legalRepresentative = v.legalRepresentative ?? '';
    if (enterprise && (v.contactName ?? '') !== applicant.contactName) patch.contactName = v.contactName ?? '';
    if ((v.email ?? '') !== (applicant.email ?? '')) patch.email = v.email ?? '';
    if ((v.preferredChannel ?? null) !== (applicant.preferredChannel ?? null))
      patch.preferredChannel = v.preferredChannel ?? null;
    if (!!v.noticeOptOut !== !!applicant.noticeOptOut) patch.noticeOptOut = !!v.noticeOptOut;
    if (Object.keys(patch).length === 0) return onClose();
    try {
      await update.mutateAsync(patch);
      onClose();
    } catch (e) {
      if (!applyFieldError(form, e)) notify(e);
    }
  };
  return (
    <Modal
      open
      title={t('af.edit')}
      okText={t('common.save')}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={update.isPending}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          name: applicant.name,
          address: applicant.address,
          legalRepresentative: applicant.legalRepresentative,
          contactName: applicant.contactName,
          email: applicant.email ?? '',
          preferredChannel: applicant.preferredChannel ?? null,
          noticeOptOut: !!applicant.noticeOptOut,
        }}
      >
        <Form.Item
          name="name"
          label={t(enterprise ? 'af.edit.enterpriseName' : 'af.edit.name')}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input maxLength={120} />
        </Form.Item>
        <Form.Item name="phone" label={t('rc.mobile')} extra={t('af.edit.phoneHint', { phone: applicant.phone })}>
          <Input maxLength={20} inputMode="tel" />
        </Form.Item>
        <Form.Item name="address" label={t('af.address')}>
          <Input maxLength={300} />
        </Form.Item>
        {enterprise && (
          <>
            <Form.Item name="legalRepresentative" label={t('rc.legalRep')}>
              <Input maxLength={60} />
            </Form.Item>
            <Form.Item name="contactName" label={t('af.edit.contact')}>
              <Input maxLength={60} />
            </Form.Item>
          </>
        )}
        <Form.Item name="email" label={t('af.edit.email')} rules={[{ type: 'email' }]}>
          <Input maxLength={120} inputMode="email" />
        </Form.Item>
        <Form.Item name="preferredChannel" label={t('af.edit.preferredChannel')}>
          <Select
            allowClear
            placeholder={t('af.edit.channelDefault')}
            options={[
              { value: 'sms', label: t('nt.channel.sms') },
              { value: 'email', label: t('nt.channel.email') },
              { value: 'all', label: t('af.edit.channelAll') },
            ]}
          />
        </Form.Item>
        <Form.Item name="noticeOptOut" valuePropName="checked">
          <Checkbox>{t('af.edit.optOut')}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}

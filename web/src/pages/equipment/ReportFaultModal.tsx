import { App, Form, Input, Modal } from 'antd';
import { type Equipment, useReportFault } from '../../api/equipment';
import { applyFieldError } from '../../api/formErrors';
import { useNotifyError } from '../../components/useNotifyError';
import { useT } from '../../i18n';

/** 故障报修: the fault a user reports on one device, shown to supervision as an open fault. */
export function ReportFaultModal({ equipment, onClose }: { equipment: Equipment | null; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const notify = useNotifyError();
  const report = useReportFault();
  const [form] = Form.useForm<{ description: string }>();
  return (
    <Modal
      open={!!equipment}
      title={t('eq.reportTitle', { name: equipment ? `${equipment.kindLabel} ${equipment.assetNo}` : '' })}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={report.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={async (v) => {
          if (!equipment) return;
          try {
            await report.mutateAsync({ id: equipment.id, description: v.description });
            message.success(t('eq.reported'));
            onClose();
          } catch (e) {
            if (!applyFieldError(form, e)) notify(e);
          }
        }}
      >
        <Form.Item name="description" label={t('eq.description')} rules={[{ required: true }]}>
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

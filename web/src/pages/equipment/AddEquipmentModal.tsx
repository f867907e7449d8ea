import { App, Form, Modal } from 'antd';
import type { Dayjs } from 'dayjs';
import { type EquipmentKind, useAddEquipment } from '../../api/equipment';
import { applyFieldError } from '../../api/formErrors';
import type { Option } from '../../components/HallSelect';
import { useNotifyError } from '../../components/useNotifyError';
import { useT } from '../../i18n';
import { EquipmentFormFields } from './EquipmentFormFields';

/** 登记设备: a new device for the hall's register, with its window, location and maintenance plan. */
export function AddEquipmentModal({
  open,
  hallId,
  windowOptions,
  kindOptions,
  onClose,
}: {
  open: boolean;
  hallId: string;
  windowOptions: Option[];
  kindOptions: Option[];
  onClose: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const notify = useNotifyError();
  const add = useAddEquipment();
  const [form] = Form.useForm();
  return (
    <Modal
      open={open}
      title={t('eq.add')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={add.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ kind: 'kiosk', location: '' }}
        onFinish={async (v: {
          kind: EquipmentKind;
          name: string;
          assetNo: string;
          windowId?: string;
          location?: string;
          maintenanceEveryDays?: number;
          nextMaintenanceDay?: Dayjs;
        }) => {
          try {
            await add.mutateAsync({
              hallId,
              kind: v.kind,
              name: v.name,
              assetNo: v.assetNo,
              windowId: v.windowId ?? null,
              location: v.location ?? '',
              maintenanceEveryDays: v.maintenanceEveryDays ?? null,
              nextMaintenanceDay: v.nextMaintenanceDay ? v.nextMaintenanceDay.format('YYYY-MM-DD') : null,
            });
            message.success(t('eq.added'));
            onClose();
          } catch (e) {
            if (!applyFieldError(form, e)) notify(e);
          }
        }}
      >
        <EquipmentFormFields windowOptions={windowOptions} kindOptions={kindOptions} />
      </Form>
    </Modal>
  );
}

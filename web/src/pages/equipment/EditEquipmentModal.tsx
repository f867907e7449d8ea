import { App, Checkbox, Form, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { type Equipment, type EquipmentKind, useUpdateEquipment } from '../../api/equipment';
import { applyFieldError } from '../../api/formErrors';
import type { Option } from '../../components/HallSelect';
import { useNotifyError } from '../../components/useNotifyError';
import { useT } from '../../i18n';
import { EquipmentFormFields } from './EquipmentFormFields';

/** 编辑设备: the register's fields and the maintenance plan (interval, next day); 报废 takes it out of service. */
export function EditEquipmentModal({
  equipment,
  windowOptions,
  kindOptions,
  onClose,
}: {
  equipment: Equipment | null;
  windowOptions: Option[];
  kindOptions: Option[];
  onClose: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const notify = useNotifyError();
  const update = useUpdateEquipment();
  const [form] = Form.useForm();
  if (!equipment) return null;
  return (
    <Modal
      open
      title={t('eq.editTitle', { name: `${equipment.kindLabel} ${equipment.assetNo}` })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('eq.save')}
      confirmLoading={update.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          kind: equipment.kind,
          name: equipment.name,
          assetNo: equipment.assetNo,
          windowId: equipment.windowId ?? undefined,
          location: equipment.location,
          maintenanceEveryDays: equipment.maintenanceEveryDays ?? undefined,
          nextMaintenanceDay: equipment.nextMaintenanceDay ? dayjs(equipment.nextMaintenanceDay) : undefined,
          retired: false,
        }}
        onFinish={async (v: {
          kind: EquipmentKind;
          name: string;
          assetNo: string;
          windowId?: string;
          location?: string;
          maintenanceEveryDays?: number | null;
          nextMaintenanceDay?: Dayjs | null;
          retired?: boolean;
        }) => {
          try {
            await update.mutateAsync({
              id: equipment.id,
              kind: v.kind,
              name: v.name,
              assetNo: v.assetNo,
              windowId: v.windowId ?? null,
              location: v.location ?? '',
              maintenanceEveryDays: v.maintenanceEveryDays ?? null,
              nextMaintenanceDay: v.nextMaintenanceDay ? v.nextMaintenanceDay.format('YYYY-MM-DD') : null,
              ...(v.retired ? { retired: true } : {}),
            });
            message.success(v.retired ? t('eq.retiredDone') : t('eq.saved'));
            onClose();
          } catch (e) {
            if (!applyFieldError(form, e)) notify(e);
          }
        }}
      >
        <EquipmentFormFields windowOptions={windowOptions} kindOptions={kindOptions} />
        <Form.Item name="retired" valuePropName="checked" extra={t('eq.retireHelp')}>
          <Checkbox>{t('eq.retire')}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}

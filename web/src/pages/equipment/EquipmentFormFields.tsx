import { DatePicker, Form, Input, InputNumber, Select, Space } from 'antd';
import type { Option } from '../../components/HallSelect';
import { useT } from '../../i18n';

/** The register's fields shared by 登记设备 and 编辑设备: kind, name, asset number, window, location and maintenance plan. */
export function EquipmentFormFields({
  windowOptions,
  kindOptions,
}: {
  windowOptions: Option[];
  kindOptions: Option[];
}) {
  const t = useT();
  return (
    <>
      <Form.Item name="kind" label={t('eq.kind')}>
        <Select options={kindOptions} />
      </Form.Item>
      <Form.Item name="name" label={t('eq.name')} rules={[{ required: true, whitespace: true }]}>
        <Input maxLength={60} />
      </Form.Item>
      <Form.Item name="assetNo" label={t('eq.assetNo')} rules={[{ required: true, whitespace: true }]}>
        <Input maxLength={40} />
      </Form.Item>
      <Form.Item name="windowId" label={t('eq.window')}>
        <Select allowClear placeholder={t('eq.noWindow')} options={windowOptions} />
      </Form.Item>
      <Form.Item name="location" label={t('eq.location')}>
        <Input maxLength={60} />
      </Form.Item>
      <Space>
        <Form.Item name="maintenanceEveryDays" label={t('eq.everyDays')}>
          <InputNumber min={1} max={3650} />
        </Form.Item>
        <Form.Item name="nextMaintenanceDay" label={t('eq.next')}>
          <DatePicker />
        </Form.Item>
      </Space>
    </>
  );
}

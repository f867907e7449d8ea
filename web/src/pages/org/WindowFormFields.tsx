import { Alert, Form, Input, InputNumber, Select } from 'antd';
import { HallSelect, type Option } from '../../components/HallSelect';
import { useT } from '../../i18n';

const KINDS = ['general', 'dedicated', 'green'] as const;

export function WindowFormFields(props: {
  editing: boolean;
  itemOptions: Option[];
  itemsLoading: boolean;
  itemsUnavailable: boolean;
}) {
  const t = useT();
  return (
    <>
      <Form.Item label={t('common.hall')} name="hallId" rules={[{ required: true }]}>
        <HallSelect disabled />
      </Form.Item>
      <Form.Item label={t('window.number')} name="number" rules={[{ required: true }]}>
        <InputNumber min={1} precision={0} disabled={props.editing} style={{ width: 160 }} />
      </Form.Item>
      <Form.Item label={t('window.name')} name="name" rules={[{ required: true, whitespace: true }]}>
        <Input maxLength={64} />
      </Form.Item>
      <Form.Item label={t('window.kind')} name="kind" rules={[{ required: true }]}>
        <Select options={KINDS.map((k) => ({ value: k, label: t.label('windowKind', k) }))} />
      </Form.Item>
      {props.editing && (
        <Form.Item label={t('common.status')} name="status">
          <Select
            options={(['active', 'inactive'] as const).map((s) => ({ value: s, label: t.label('windowStatus', s) }))}
          />
        </Form.Item>
      )}
      {props.itemsUnavailable && (
        <Alert type="warning" showIcon title={t('window.itemsUnavailable')} style={{ marginBottom: 12 }} />
      )}
      <Form.Item label={t('window.items')} name="itemIds">
        <Select
          mode="multiple"
          allowClear
          options={props.itemOptions}
          loading={props.itemsLoading}
          optionFilterProp="label"
          maxTagCount="responsive"
        />
      </Form.Item>
    </>
  );
}

import { Checkbox, Form, Input, Modal, Select, Switch } from 'antd';
import { useEffect } from 'react';
import type { EndpointInput, WebhookEndpoint } from '../../api/webhooks';
import { useWebhookEventTypes } from '../../api/webhooks';
import { useHallOptions } from '../../components/HallSelect';
import { useT } from '../../i18n';

/** 新增/编辑推送地址: name, address, the events it hears of, the halls, active. */
export function EndpointForm(props: {
  open: boolean;
  editing: WebhookEndpoint | null;
  saving: boolean;
  onCancel: () => void;
  onSave: (v: EndpointInput) => void;
}) {
  const t = useT();
  const [form] = Form.useForm<EndpointInput>();
  const types = useWebhookEventTypes();
  const halls = useHallOptions();
  useEffect(() => {
    if (!props.open) return;
    const e = props.editing;
    form.setFieldsValue(
      e
        ? { name: e.name, url: e.url, events: e.events, hallIds: e.hallIds, active: e.active }
        : {
            name: '',
            url: 'https://',
            events: (types.data?.items ?? []).map((x) => x.type),
            hallIds: halls.options.map((o) => o.value),
            active: true,
          },
    );
  }, [props.open, props.editing, form, types.data, halls.options]);
  return (
    <Modal
      open={props.open}
      title={props.editing ? t('wh.edit') : t('wh.add')}
      okButtonProps={{ loading: props.saving }}
      onCancel={props.onCancel}
      onOk={() => form.validateFields().then(props.onSave)}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="name" label={t('wh.name')} rules={[{ required: true, max: 60 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="url" label={t('wh.url')} extra={t('wh.urlHint')} rules={[{ required: true, max: 500 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="events" label={t('wh.events')} rules={[{ required: true, type: 'array', min: 1 }]}>
          <Checkbox.Group options={(types.data?.items ?? []).map((x) => ({ value: x.type, label: x.label }))} />
        </Form.Item>
        <Form.Item name="hallIds" label={t('wh.halls')} rules={[{ required: true, type: 'array', min: 1 }]}>
          <Select mode="multiple" options={halls.options} loading={halls.loading} />
        </Form.Item>
        <Form.Item name="active" label={t('wh.active')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}

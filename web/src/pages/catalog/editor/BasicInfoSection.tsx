import { Card, Col, Form, Input, InputNumber, Radio, Row, Select, Switch } from 'antd';
import { useEffect } from 'react';
import { CATEGORIES } from '../../../api/types';
import { usePublicHalls } from '../../../api/publicGuide';
import { HallSelect, useDepartmentOptions } from '../../../components/HallSelect';
import { useT } from '../../../i18n';
import { fenToYuan } from '../../../components/format';
import { feeItemsFen, type ItemFormValues } from './formModel';

const APPROVAL_LEVELS = ['window', 'section', 'department', 'leader'] as const;

export function BasicInfoSection({ isNew }: { isNew: boolean }) {
  const t = useT();
  const form = Form.useFormInstance<ItemFormValues>();
  const hallId = Form.useWatch('hallId', form);
  const depts = useDepartmentOptions(hallId);
  // Every hall by name (the public list): a station is usually not one of the editor's own halls.
  const halls = usePublicHalls();
  const req = (label: string) => ({ required: true, message: t('editor.required', { label }) });
  const sel = (label: string) => ({ required: true, message: t('common.pleaseSelect', { label }) });
  const intRule = { type: 'integer' as const, min: 0 };
  const feeItems = Form.useWatch('feeItems', form);
  const byItems = (feeItems?.length ?? 0) > 0;
  const itemsFen = feeItemsFen(feeItems);
  // With fee items the fee shown is their total, kept in step as amounts are typed.
  useEffect(() => {
    if (byItems) form.setFieldValue('feeYuan', fenToYuan(itemsFen));
  }, [byItems, itemsFen, form]);

  return (
    <Card title={t('editor.basic')} className="ow-page-card">
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item label={t('editor.hall')} name="hallId" rules={[sel(t('editor.hall'))]}>
            <HallSelect disabled={!isNew} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label={t('catalog.code')} name="code" rules={[{ ...req(t('catalog.code')), whitespace: true }]}>
            <Input disabled={!isNew} maxLength={64} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label={t('catalog.name')} name="name" rules={[{ ...req(t('catalog.name')), whitespace: true }]}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label={t('catalog.category')} name="category" rules={[sel(t('catalog.category'))]}>
            <Select options={CATEGORIES.map((c) => ({ value: c, label: t.label('category', c) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            label={t('editor.departments')}
            name="departmentIds"
            rules={[{ ...sel(t('editor.departments')), type: 'array', min: 1 }]}
          >
            <Select mode="multiple" options={depts.options} loading={depts.loading} optionFilterProp="label" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label={t('catalog.kind')} name="kind" rules={[sel(t('catalog.kind'))]}>
            <Radio.Group
              optionType="button"
              options={(['instant', 'committed'] as const).map((k) => ({ value: k, label: t.label('kind', k) }))}
            />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item label={t('editor.legalDays')} name="legalDays" rules={[req(t('editor.legalDays')), intRule]}>
            <InputNumber min={0} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item
            label={t('editor.promisedDays')}
            name="promisedDays"
            dependencies={['legalDays', 'kind']}
            rules={[
              req(t('editor.promisedDays')),
              intRule,
              ({ getFieldValue }) => ({
                validator: (_, v: number | null) => {
                  const legal = getFieldValue('legalDays') as number | null;
                  const kind = getFieldValue('kind') as ItemFormValues['kind'];
                  if (typeof v !== 'number') return Promise.resolve();
                  if (typeof legal === 'number' && v > legal)
                    return Promise.reject(new Error(t('editor.promisedExceedsLegal')));
                  if (kind === 'instant' && v !== 0) return Promise.reject(new Error(t('editor.instantZero')));
                  if (kind === 'committed' && v < 1) return Promise.reject(new Error(t('editor.committedMin')));
                  return Promise.resolve();
                },
              }),
            ]}
          >
            <InputNumber min={0} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item label={t('editor.warningDays')} name="warningDays" rules={[intRule]}>
            <InputNumber min={0} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item label={t('editor.approvalLevel')} name="approvalLevel" rules={[sel(t('editor.approvalLevel'))]}>
            <Select options={APPROVAL_LEVELS.map((a) => ({ value: a, label: t.label('approval', a) }))} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item
            label={t('editor.fee')}
            name="feeYuan"
            extra={byItems ? t('editor.feeFromItems') : t('editor.feeHelp')}
            rules={[req(t('editor.fee')), { type: 'number', min: 0 }]}
          >
            <InputNumber min={0} precision={2} step={1} style={{ width: '100%' }} disabled={byItems} />
          </Form.Item>
        </Col>
        <Col xs={24} md={18}>
          <Form.Item
            label={t('editor.deferredApproval')}
            name="deferredApprovalAllowed"
            valuePropName="checked"
            extra={t('editor.deferredApprovalHelp')}
          >
            <Switch />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            label={t('editor.townshipStations')}
            name={['townshipReception', 'stationHallIds']}
            extra={t('editor.townshipStationsHelp')}
          >
            <Select
              mode="multiple"
              allowClear
              options={(halls.data?.items ?? [])
                .filter((h) => h.id !== hallId)
                .map((h) => ({ value: h.id, label: h.name }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item
            label={t('editor.townshipPost')}
            name={['townshipReception', 'postAllowed']}
            valuePropName="checked"
          >
            <Switch />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item
            label={t('pr.editorAllowed')}
            name={['onlinePrereview', 'allowed']}
            valuePropName="checked"
            extra={t('pr.editorAllowedHelp')}
          >
            <Switch />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item
            label={t('pr.editorLimit')}
            name={['onlinePrereview', 'limitDays']}
            rules={[{ type: 'number', min: 1, max: 30 }]}
          >
            <InputNumber min={1} max={30} precision={0} addonAfter={t('pr.workingDays')} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={18}>
          <Form.Item label={t('editor.feeNote')} name="feeNote">
            <Input maxLength={500} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item label={t('editor.description')} name="description">
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} />
          </Form.Item>
          <Form.Item label={t('editor.basis')} name="basis">
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} />
          </Form.Item>
          <Form.Item label={t('editor.conditions')} name="conditions">
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} />
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}

import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, InputNumber, Switch, Typography } from 'antd';
import { fenToYuanText } from '../../../components/format';
import { useT } from '../../../i18n';
import { feeItemsFen, type ItemFormValues } from './formModel';
import { RowActions } from './RowActions';

/** 收费项目: the fee items and amounts (typed in yuan, kept in fen), and whether payment comes before 办结. */
export function FeeItemsEditor({ readOnly }: { readOnly: boolean }) {
  const t = useT();
  const form = Form.useFormInstance<ItemFormValues>();
  const items = Form.useWatch('feeItems', form);
  const total = feeItemsFen(items);
  return (
    <Card title={t('editor.feeItems')} className="ow-page-card" data-testid="fee-items">
      <Typography.Paragraph type="secondary">{t('editor.feeItemsHelp')}</Typography.Paragraph>
      <Form.List name="feeItems">
        {(fields, { add, remove, move }) => (
          <>
            {fields.map((f, i) => (
              <div key={f.key} style={{ display: 'flex', gap: 12, alignItems: 'flex-start' }}>
                <Form.Item
                  label={`${t('editor.feeItemName')} ${i + 1}`}
                  name={[f.name, 'name']}
                  rules={[{ required: true, whitespace: true, message: t('editor.feeItemNameRequired') }]}
                  style={{ flex: 2 }}
                >
                  <Input maxLength={60} placeholder={t('editor.feeItemNamePlaceholder')} />
                </Form.Item>
                <Form.Item
                  label={t('editor.feeItemAmount')}
                  name={[f.name, 'amountYuan']}
                  rules={[
                    { required: true, message: t('editor.feeItemAmountRequired') },
                    { type: 'number', min: 0.01, message: t('editor.feeItemAmountMin') },
                  ]}
                  style={{ flex: 1 }}
                >
                  <InputNumber min={0} precision={2} step={1} addonAfter="元" style={{ width: '100%' }} />
                </Form.Item>
                <div style={{ paddingTop: 30 }}>
                  <RowActions index={i} count={fields.length} disabled={readOnly} onMove={move} onRemove={remove} />
                </div>
              </div>
            ))}
            {!readOnly && (
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '', amountYuan: null })} block>
                {t('editor.feeItemAdd')}
              </Button>
            )}
          </>
        )}
      </Form.List>
      {(items?.length ?? 0) > 0 && (
        <Typography.Paragraph strong style={{ marginTop: 12 }} data-testid="fee-items-total">
          {t('editor.feeItemsTotal', { amount: fenToYuanText(total) })}
        </Typography.Paragraph>
      )}
      <Form.Item
        label={t('editor.payBeforeCompletion')}
        name="payBeforeCompletion"
        valuePropName="checked"
        extra={t('editor.payBeforeCompletionHelp')}
        style={{ marginTop: 12 }}
      >
        <Switch disabled={readOnly} />
      </Form.Item>
    </Card>
  );
}

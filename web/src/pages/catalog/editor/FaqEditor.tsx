import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input } from 'antd';
import { useT } from '../../../i18n';
import { RowActions } from './RowActions';

export function FaqEditor({ readOnly }: { readOnly: boolean }) {
  const t = useT();
  return (
    <Card title={t('faq.title')} className="ow-page-card">
      <Form.List name="faq">
        {(fields, { add, remove, move }) => (
          <>
            {fields.map((f, i) => (
              <div key={f.key} className="ow-faq-row">
                <div style={{ flex: 1 }}>
                  <Form.Item
                    label={`${t('faq.question')} ${i + 1}`}
                    name={[f.name, 'question']}
                    rules={[{ required: true, whitespace: true }]}
                  >
                    <Input />
                  </Form.Item>
                  <Form.Item
                    label={`${t('faq.answer')} ${i + 1}`}
                    name={[f.name, 'answer']}
                    rules={[{ required: true, whitespace: true }]}
                  >
                    <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
                  </Form.Item>
                </div>
                <RowActions index={i} count={fields.length} disabled={readOnly} onMove={move} onRemove={remove} />
              </div>
            ))}
            {!readOnly && (
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ question: '', answer: '' })} block>
                {t('faq.add')}
              </Button>
            )}
          </>
        )}
      </Form.List>
    </Card>
  );
}

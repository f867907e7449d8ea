import { App, Button, Card, Col, Form, Input, InputNumber, Row, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useCan, useMe } from '../../api/auth';
import {
  type NoticeTemplate,
  useNoticeSettings,
  useNoticeTemplates,
  usePreviewTemplate,
  useSaveNoticeSettings,
  useResetTemplate,
  useSaveTemplate,
} from '../../api/notices';
import { applyFieldError } from '../../api/formErrors';
import { HallSelect } from '../../components/HallSelect';
import { QueryError } from '../../components/Results';
import { useNotifyError } from '../../components/useNotifyError';
import { type MessageKey, type Translate, useT } from '../../i18n';

/** A template variable's name in the screen's language; nothing for a variable the dictionary does not know yet. */
function variableName(t: Translate, variable: string): string {
  const key = `nt.var.${variable}`;
  const name = t(key as MessageKey);
  return name === key ? '' : name;
}

/** 通知模板: the hall's wording per event, edited and previewed with sample data. */
export function TemplatesPage() {
  const t = useT();
  const can = useCan();
  const { data: me } = useMe();
  const [hallId, setHallId] = useState<string | undefined>();
  const hall = hallId ?? me?.halls[0]?.id;
  const list = useNoticeTemplates(hall);
  const [current, setCurrent] = useState<NoticeTemplate | null>(null);

  if (list.error && !list.data) return <QueryError error={list.error} onRetry={() => list.refetch()} />;
  return (
    <Card
      title={t('nt.templatesTitle')}
      extra={
        (me?.halls.length ?? 0) > 1 && (
          <HallSelect aria-label={t('nt.hall')} value={hall} style={{ width: 220 }} onChange={(v) => setHallId(v)} />
        )
      }
    >
      <CollectionReminder editable={can('notice.manage')} />
      <Row gutter={16}>
        <Col span={current ? 11 : 24}>
          <Table<NoticeTemplate>
            rowKey="event"
            size="small"
            loading={list.isFetching}
            dataSource={list.data}
            pagination={false}
            tableLayout="fixed"
            rowClassName={(r) => (r.event === current?.event ? 'ant-table-row-selected' : '')}
            onRow={(r) => ({ onClick: () => setCurrent(r) })}
            columns={[
              {
                title: t('nt.event'),
                width: 170,
                render: (_, r) => (
                  <>
                    {r.label} {r.legal && <Tag>{t('nt.legal')}</Tag>}
                  </>
                ),
              },
              { title: t('nt.body'), dataIndex: 'body', ellipsis: true },
              {
                title: t('nt.state'),
                width: 100,
                render: (_, r) => (r.custom ? <Tag color="blue">{t('nt.custom')}</Tag> : <Tag>{t('nt.default')}</Tag>),
              },
              {
                title: t('common.actions'),
                width: 70,
                render: (_, r) => (
                  <Button type="link" size="small" onClick={() => setCurrent(r)}>
                    {t('nt.edit')}
                  </Button>
                ),
              },
            ]}
          />
        </Col>
        {current && hall && (
          <Col span={13}>
            <TemplateEditor
              key={`${hall}:${current.event}:${current.updatedAt ?? 0}`}
              hallId={hall}
              template={list.data?.find((x) => x.event === current.event) ?? current}
              editable={can('notice.manage')}
            />
          </Col>
        )}
      </Row>
    </Card>
  );
}

function TemplateEditor({
  hallId,
  template,
  editable,
}: {
  hallId: string;
  template: NoticeTemplate;
  editable: boolean;
}) {
  const t = useT();
  const { message } = App.useApp();
  const notify = useNotifyError();
  const [form] = Form.useForm<{ subject: string; body: string }>();
  const save = useSaveTemplate(hallId);
  const reset = useResetTemplate(hallId);
  const preview = usePreviewTemplate(hallId);
  const [shown, setShown] = useState<{ subject: string; body: string } | null>(null);
  const [focus, setFocus] = useState<'subject' | 'body'>('body');

  const insert = (v: string) => {
    const value = form.getFieldValue(focus) ?? '';
    form.setFieldValue(focus, `${value}{${v}}`);
  };
  const run = async (what: 'preview' | 'save') => {
    const values = await form.validateFields();
    try {
      if (what === 'preview') setShown(await preview.mutateAsync({ event: template.event, ...values }));
      else {
        await save.mutateAsync({ event: template.event, ...values });
        message.success(t('nt.saved'));
      }
    } catch (e) {
      if (!applyFieldError(form, e)) notify(e);
    }
  };
  return (
    <Card size="small" title={template.label} data-testid="template-editor">
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('nt.templateHint')}
      </Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ subject: template.subject, body: template.body }}
        disabled={!editable}
      >
        <Form.Item name="subject" label={t('nt.subject')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={120} onFocus={() => setFocus('subject')} />
        </Form.Item>
        <Form.Item name="body" label={t('nt.body')} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea rows={4} maxLength={500} showCount onFocus={() => setFocus('body')} />
        </Form.Item>
        <Form.Item label={t('nt.variables')}>
          <Space size={[4, 4]} wrap>
            {template.variables.map((v) => (
              <Tag key={v} style={{ cursor: 'pointer' }} onClick={() => insert(v)}>
                {`{${v}}`} {variableName(t, v)}
              </Tag>
            ))}
          </Space>
        </Form.Item>
      </Form>
      <Space>
        <Button onClick={() => run('preview')} loading={preview.isPending}>
          {t('nt.preview')}
        </Button>
        {editable && (
          <Button type="primary" onClick={() => run('save')} loading={save.isPending}>
            {t('nt.save')}
          </Button>
        )}
        {editable && template.custom && (
          <Button
            onClick={async () => {
              try {
                await reset.mutateAsync(template.event);
                message.success(t('nt.resetDone'));
              } catch (e) {
                notify(e);
              }
            }}
          >
            {t('nt.reset')}
          </Button>
        )}
      </Space>
      {shown && (
        <Card
          size="small"
          type="inner"
          title={t('nt.previewTitle')}
          style={{ marginTop: 12 }}
          data-testid="template-preview"
        >
          <Typography.Paragraph strong>{shown.subject}</Typography.Paragraph>
          <Typography.Paragraph style={{ marginBottom: 0 }}>{shown.body}</Typography.Paragraph>
        </Card>
      )}
    </Card>
  );
}

/** 领取提醒: the number of working days after 通知领取 when an uncollected result is recalled, once. */
function CollectionReminder({ editable }: { editable: boolean }) {
  const t = useT();
  const { message } = App.useApp();
  const notify = useNotifyError();
  const settings = useNoticeSettings();
  const save = useSaveNoticeSettings();
  const [form] = Form.useForm<{ collectionReminderDays: number }>();
  if (!settings.data) return null;
  const submit = async () => {
    const values = await form.validateFields();
    try {
      const saved = await save.mutateAsync(values);
      message.success(t('nt.reminderSaved', { days: saved.collectionReminderDays }));
    } catch (e) {
      if (!applyFieldError(form, e)) notify(e);
    }
  };
  return (
    <Form
      form={form}
      layout="inline"
      disabled={!editable}
      initialValues={settings.data}
      style={{ marginBottom: 16 }}
      data-testid="collection-reminder"
    >
      <Form.Item
        name="collectionReminderDays"
        label={t('nt.reminderDays')}
        rules={[{ required: true, type: 'integer', min: 1, max: 60, message: t('nt.reminderRange') }]}
      >
        <InputNumber min={1} max={60} precision={0} addonAfter={t('nt.workingDays')} style={{ width: 160 }} />
      </Form.Item>
      <Form.Item>
        <Typography.Text type="secondary">{t('nt.reminderHint')}</Typography.Text>
      </Form.Item>
      {editable && (
        <Form.Item>
          <Button onClick={submit} loading={save.isPending}>
            {t('nt.saveReminder')}
          </Button>
        </Form.Item>
      )}
    </Form>
  );
}

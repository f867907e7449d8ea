import { Button, Form, Input, InputNumber, Radio, Select, Space } from 'antd';
import { useState } from 'react';
import {
  type ConsultDetail,
  type PromiseInput,
  type ReferInput,
  useConsultActions,
  useHandlingStaff,
} from '../../api/consult';
import { FormModal } from '../../components/FormModal';
import { useDepartmentOptions } from '../../components/HallSelect';
import { useT } from '../../i18n';
import { ItemSelect } from './ItemSelect';
import { KnowledgeSuggest } from './KnowledgeSuggest';
import { useConsultLabel } from './labels';

type Open = 'answer' | 'promise' | 'refer' | 'coordinate' | 'handover' | 'item' | null;

/** The handling buttons of one consultation and the small form each opens. */
export function ConsultActions({ c }: { c: ConsultDetail }) {
  const t = useT();
  const label = useConsultLabel();
  const actions = useConsultActions(c.id);
  const [open, setOpen] = useState<Open>(null);
  const departments = useDepartmentOptions(c.hallId);
  const staff = useHandlingStaff(open === 'handover' ? c.hallId : undefined);
  const close = () => setOpen(null);
  const run = (p: Promise<unknown>) => p.then(close);

  return (
    <>
      <Space wrap>
        {c.status === 'unclaimed' && (
          <Button type="primary" loading={actions.take.isPending} onClick={() => actions.take.mutate({})}>
            {t('consultAction.take')}
          </Button>
        )}
        <Button type="primary" onClick={() => setOpen('answer')}>
          {t('consultAction.answer')}
        </Button>
        <Button onClick={() => setOpen('promise')}>{t('consultAction.promise')}</Button>
        <Button onClick={() => setOpen('refer')}>{t('consultAction.refer')}</Button>
        <Button onClick={() => setOpen('coordinate')}>{t('consultAction.coordinate')}</Button>
        <Button onClick={() => setOpen('handover')}>{t('consultAction.handover')}</Button>
        <Button onClick={() => setOpen('item')}>{t('consultAction.set_item')}</Button>
      </Space>

      <FormModal<{ answer: string }>
        name="consult-answer"
        open={open === 'answer'}
        width={900}
        title={t('consultAction.answer')}
        onCancel={close}
        onSubmit={(v) => run(actions.answer.mutateAsync(v))}
      >
        {(form) => (
          <>
            <Form.Item label={t('consult.answer')} name="answer" rules={[{ required: true, whitespace: true }]}>
              <Input.TextArea rows={6} maxLength={4000} showCount />
            </Form.Item>
            <KnowledgeSuggest
              hallId={c.hallId}
              itemId={c.itemId}
              text={c.question}
              onInsert={(body) => {
                const current: string = form.getFieldValue('answer') ?? '';
                form.setFieldValue('answer', current ? `${current}\n${body}` : body);
              }}
            />
          </>
        )}
      </FormModal>

      <FormModal<PromiseInput>
        name="consult-promise"
        open={open === 'promise'}
        title={t('consultAction.promise')}
        initialValues={{ days: 3 }}
        onCancel={close}
        onSubmit={(v) => run(actions.promise.mutateAsync(v))}
      >
        <Form.Item label={t('consult.days')} name="days" rules={[{ required: true }]}>
          <InputNumber min={1} max={30} precision={0} />
        </Form.Item>
        <Form.Item label={t('consult.promiseNote')} name="note">
          <Input maxLength={500} />
        </Form.Item>
      </FormModal>

      <FormModal<ReferInput>
        name="consult-refer"
        open={open === 'refer'}
        title={t('consultAction.refer')}
        initialValues={{ toldVia: c.channel === 'phone' ? 'phone' : 'on_site' }}
        onCancel={close}
        onSubmit={(v) => run(actions.refer.mutateAsync({ ...v, departmentId: v.departmentId || null }))}
      >
        <Form.Item label={t('consult.referDepartment')} name="departmentId">
          <Select
            allowClear
            options={departments.options}
            loading={departments.loading}
            optionFilterProp="label"
            showSearch
          />
        </Form.Item>
        <Form.Item label={t('consult.referExternal')} name="externalBody">
          <Input maxLength={120} />
        </Form.Item>
        <Form.Item label={t('consult.referReason')} name="reason" rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item label={t('consult.referGuidance')} name="guidance">
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        <Form.Item label={t('consult.toldVia')} name="toldVia" rules={[{ required: true }]}>
          <Radio.Group
            options={(['on_site', 'phone', 'written', 'sms'] as const).map((v) => ({
              value: v,
              label: label('toldVia', v),
            }))}
          />
        </Form.Item>
      </FormModal>

      <FormModal<{ departmentIds: string[]; question: string }>
        name="consult-coordinate"
        open={open === 'coordinate'}
        title={t('consultAction.coordinate')}
        initialValues={{ question: c.question }}
        onCancel={close}
        onSubmit={(v) => run(actions.coordinate.mutateAsync(v))}
      >
        <Form.Item label={t('consult.coordinateDepartments')} name="departmentIds" rules={[{ required: true }]}>
          <Select
            mode="multiple"
            options={departments.options}
            loading={departments.loading}
            optionFilterProp="label"
          />
        </Form.Item>
        <Form.Item
          label={t('consult.coordinateQuestion')}
          name="question"
          rules={[{ required: true, whitespace: true }]}
        >
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </FormModal>

      <FormModal<{ toUserId: string; note: string }>
        name="consult-handover"
        open={open === 'handover'}
        title={t('consultAction.handover')}
        onCancel={close}
        onSubmit={(v) => run(actions.handover.mutateAsync(v))}
      >
        <Form.Item label={t('consult.handoverTo')} name="toUserId" rules={[{ required: true }]}>
          <Select
            loading={staff.isLoading}
            optionFilterProp="label"
            showSearch
            options={(staff.data?.items ?? [])
              .filter((u) => u.id !== c.handlerId)
              .map((u) => ({
                value: u.id,
                label: `${u.displayName}（${u.roles.map((r) => t.label('role', r)).join('、')}）`,
              }))}
          />
        </Form.Item>
        <Form.Item label={t('consult.handoverNote')} name="note" rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </FormModal>

      <FormModal<{ itemId?: string }>
        name="consult-item"
        open={open === 'item'}
        title={t('consultAction.set_item')}
        initialValues={{ itemId: c.itemId ?? undefined }}
        onCancel={close}
        onSubmit={(v) => run(actions.setItem.mutateAsync({ itemId: v.itemId || null }))}
      >
        <Form.Item label={t('consult.item')} name="itemId">
          <ItemSelect hallId={c.hallId} placeholder={t('consult.itemPlaceholder')} />
        </Form.Item>
      </FormModal>
    </>
  );
}

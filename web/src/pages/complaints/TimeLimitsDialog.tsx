import { App, Button, InputNumber, Modal, Table } from 'antd';
import { useState } from 'react';
import { useMe } from '../../api/auth';
import { type LimitKind, useSetTypeDays, useTypeDays } from '../../api/complaints';
import { useNotifyError } from '../../components/useNotifyError';
import { type MessageKey, useT } from '../../i18n';

/** 答复时限: the working days to reply to each type of complaint, and to re-examine an objection. */
export function TimeLimitsButton() {
  const t = useT();
  const { message } = App.useApp();
  const notify = useNotifyError();
  const { data: me } = useMe();
  const hallId = me?.halls[0]?.id;
  const [open, setOpen] = useState(false);
  const q = useTypeDays(open ? hallId : undefined);
  const save = useSetTypeDays();
  const [edits, setEdits] = useState<Partial<Record<LimitKind, number>>>({});
  const submit = async () => {
    try {
      for (const [category, days] of Object.entries(edits))
        if (hallId && days) await save.mutateAsync({ hallId, category: category as LimitKind, days });
      message.success(t('cp.limitsSaved'));
      setEdits({});
      setOpen(false);
    } catch (e) {
      notify(e);
    }
  };
  return (
    <>
      <Button onClick={() => setOpen(true)}>{t('cp.limits')}</Button>
      <Modal
        open={open}
        title={t('cp.limits')}
        okText={t('cp.limitsSave')}
        onOk={submit}
        confirmLoading={save.isPending}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Table
          size="small"
          rowKey="category"
          pagination={false}
          loading={q.isLoading}
          dataSource={q.data?.items}
          columns={[
            {
              title: t('cp.category'),
              render: (_, r) =>
                r.category === 'objection' ? t('ob.title') : t(`cp.category.${r.category}` as MessageKey),
            },
            {
              title: t('cp.limitDays'),
              render: (_, r) => (
                <InputNumber
                  aria-label={r.category}
                  min={1}
                  max={60}
                  value={edits[r.category] ?? r.days}
                  onChange={(v) => setEdits((e) => ({ ...e, [r.category]: v ?? undefined }))}
                />
              ),
            },
          ]}
        />
      </Modal>
    </>
  );
}

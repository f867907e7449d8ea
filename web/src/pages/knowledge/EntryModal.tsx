import { Form, Input, Radio, Select } from 'antd';
import { useMe } from '../../api/auth';
import { type KnowledgeDetail, type KnowledgeInput, useKnowledgeMutations } from '../../api/knowledge';
import { FormModal } from '../../components/FormModal';
import { HallSelect } from '../../components/HallSelect';
import { useT } from '../../i18n';
import { ItemSelect } from '../consult/ItemSelect';
import { useConsultLabel } from '../consult/labels';

/** New entry, or a new version of an existing one (with a note on what changed). */
export function EntryModal({
  open,
  entry,
  onClose,
}: {
  open: boolean;
  entry: KnowledgeDetail | null;
  onClose: () => void;
}) {
  const t = useT();
  const label = useConsultLabel();
  const { data: me } = useMe();
  const m = useKnowledgeMutations();
  const onSubmit = async (v: KnowledgeInput) => {
    const body = { ...v, tags: v.tags ?? [], itemIds: v.itemIds ?? [] };
    if (entry) await m.update.mutateAsync({ ...body, id: entry.id });
    else await m.create.mutateAsync(body);
    onClose();
  };
  return (
    <FormModal<KnowledgeInput>
      name="knowledge-entry"
      open={open}
      width={760}
      title={entry ? t('knowledge.edit') : t('knowledge.create')}
      initialValues={
        entry
          ? {
              hallId: entry.hallId,
              kind: entry.kind,
              title: entry.title,
              body: entry.body,
              tags: entry.tags,
              itemIds: entry.items.map((i) => i.id),
            }
          : { hallId: me?.halls[0]?.id, kind: 'faq', tags: [], itemIds: [] }
      }
      onCancel={onClose}
      onSubmit={onSubmit}
    >
      {(form) => (
        <>
          <Form.Item label={t('common.hall')} name="hallId" rules={[{ required: true }]}>
            <HallSelect disabled={!!entry} />
          </Form.Item>
          <Form.Item label={t('knowledge.kind')} name="kind" rules={[{ required: true }]}>
            <Radio.Group
              options={(['faq', 'policy'] as const).map((k) => ({ value: k, label: label('knowledgeKind', k) }))}
            />
          </Form.Item>
          <Form.Item label={t('knowledge.entryTitle')} name="title" rules={[{ required: true, whitespace: true }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item label={t('knowledge.body')} name="body" rules={[{ required: true, whitespace: true }]}>
            <Input.TextArea rows={8} maxLength={20000} />
          </Form.Item>
          <Form.Item label={t('knowledge.tags')} name="tags">
            <Select mode="tags" tokenSeparators={[',', '，', ' ']} open={false} suffixIcon={null} />
          </Form.Item>
          <Form.Item noStyle shouldUpdate={(a, b) => a.hallId !== b.hallId}>
            {() => (
              <Form.Item label={t('knowledge.items')} name="itemIds">
                <ItemSelect hallId={form.getFieldValue('hallId')} mode="multiple" />
              </Form.Item>
            )}
          </Form.Item>
          {entry && (
            <Form.Item label={t('knowledge.note')} name="note">
              <Input maxLength={500} />
            </Form.Item>
          )}
        </>
      )}
    </FormModal>
  );
}

import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, App, Button, Col, Form, Row, Space, Tag, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useCan, useMe } from '../../api/auth';
import { useItem, useItemMutations } from '../../api/catalog';
import { applyFieldError } from '../../api/formErrors';
import type { ItemDetail } from '../../api/types';
import { useHallOptions } from '../../components/HallSelect';
import { PageLoading, QueryError } from '../../components/Results';
import { ItemStatusTag } from '../../components/StatusTag';
import { useNotifyError } from '../../components/useNotifyError';
import { useT } from '../../i18n';
import { BasicInfoSection } from './editor/BasicInfoSection';
import { FaqEditor } from './editor/FaqEditor';
import { FeeItemsEditor } from './editor/FeeItemsEditor';
import { emptyForm, FIELD_ALIASES, fromForm, type ItemFormValues, toForm } from './editor/formModel';
import { MaterialsEditor } from './editor/MaterialsEditor';
import { StepsEditor } from './editor/StepsEditor';
import { useLeaveGuard } from './editor/useLeaveGuard';
import { VersionHistory } from './editor/VersionHistory';
import { VersionViewDrawer } from './editor/VersionViewDrawer';
import './editor/editor.css';

/** /catalog/new and /catalog/:id */
export function ItemEditorPage() {
  const { id } = useParams();
  const item = useItem(id);
  if (id && item.error) return <QueryError error={item.error} onRetry={() => item.refetch()} />;
  if (id && !item.data) return <PageLoading />;
  return <ItemEditor key={id ?? 'new'} detail={item.data} />;
}

function ItemEditor({ detail: loaded }: { detail?: ItemDetail }) {
  const t = useT();
  const can = useCan();
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const notifyError = useNotifyError();
  const { data: me } = useMe();
  const halls = useHallOptions();
  const { create, saveDraft, publish, retire } = useItemMutations();
  const [form] = Form.useForm<ItemFormValues>();
  const [dirty, setDirtyState] = useState(false);
  const dirtyRef = useRef(false);
  const setDirty = (v: boolean) => {
    dirtyRef.current = v;
    setDirtyState(v);
  };
  useLeaveGuard(dirtyRef);
  const [viewVersion, setViewVersion] = useState<number | null>(null);
  // set right after a create, so a click that lands before the route switches to /catalog/:id never creates twice
  const [created, setCreated] = useState<ItemDetail | null>(null);
  const detail = loaded ?? created ?? undefined;
  const readOnly = !can('catalog.manage');
  const busy = create.isPending || saveDraft.isPending || publish.isPending || retire.isPending;
  // biome-ignore lint/correctness/useExhaustiveDependencies: initial values are taken once per mount
  const initialValues = useMemo(() => (detail ? toForm(detail) : emptyForm(me?.halls[0]?.id)), []);
  const name = Form.useWatch('name', form) as string | undefined;

  // a new item defaults to the first hall once the hall list has loaded
  useEffect(() => {
    if (!detail && !form.getFieldValue('hallId') && halls.options[0])
      form.setFieldValue('hallId', halls.options[0].value);
  }, [detail, form, halls.options]);

  const collect = async (): Promise<ItemFormValues | null> => {
    try {
      await form.validateFields();
    } catch (e) {
      message.error(t('editor.invalid'));
      const first = (e as { errorFields?: { name: (string | number)[] }[] }).errorFields?.[0];
      if (first) form.scrollToField(first.name, { block: 'center' });
      return null;
    }
    return form.getFieldsValue(true) as ItemFormValues;
  };

  const save = async (): Promise<ItemDetail | null> => {
    const values = await collect();
    if (!values) return null;
    const content = fromForm(values);
    try {
      const saved = detail
        ? await saveDraft.mutateAsync({ id: detail.id, content })
        : await create.mutateAsync({ hallId: values.hallId, code: values.code.trim(), content });
      if (!detail) setCreated(saved);
      setDirty(false);
      return saved;
    } catch (e) {
      if (!applyFieldError(form, e, FIELD_ALIASES)) notifyError(e);
      return null;
    }
  };

  const onSaveDraft = async () => {
    const saved = await save();
    if (!saved) return;
    message.success(t('editor.draftSaved'));
    if (!loaded) navigate(`/catalog/${saved.id}`, { replace: true });
  };

  const needsSave = !detail || dirty;
  const onPublish = async () => {
    if (needsSave && !(await collect())) return;
    modal.confirm({
      title: t('editor.publish'),
      content: t('editor.publishConfirm'),
      onOk: async () => {
        const target = needsSave ? await save() : detail;
        if (!target) return;
        try {
          await publish.mutateAsync(target.id);
          message.success(t('editor.published'));
          if (!loaded) navigate(`/catalog/${target.id}`, { replace: true });
        } catch (e) {
          notifyError(e);
        }
      },
    });
  };

  const onRetire = () => {
    if (!detail) return;
    modal.confirm({
      title: t('editor.retire'),
      content: t('editor.retireConfirm'),
      okButtonProps: { danger: true },
      onOk: () =>
        retire.mutateAsync(detail.id).then(
          () => message.success(t('editor.retired')),
          (e) => notifyError(e),
        ),
    });
  };

  const title = !detail
    ? t('editor.newTitle')
    : t(readOnly ? 'editor.viewTitle' : 'editor.editTitle', { name: name || detail.content.name });

  return (
    <div>
      <div className="ow-editor-header">
        <Link to="/catalog" aria-label={t('common.back')}>
          <ArrowLeftOutlined />
        </Link>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        {detail && <ItemStatusTag status={detail.status} />}
        {detail?.publishedVersion && (
          <Tag color="green">{t('catalog.versionPublished', { v: detail.publishedVersion })}</Tag>
        )}
        {detail?.draftVersion && <Tag color="gold">{t('catalog.versionDraft', { v: detail.draftVersion })}</Tag>}
        <span style={{ flex: 1 }} />
        {!readOnly && (
          <Space wrap>
            {detail?.status === 'published' && (
              <Button danger onClick={onRetire} disabled={busy}>
                {t('editor.retire')}
              </Button>
            )}
            <Button onClick={onSaveDraft} loading={create.isPending || saveDraft.isPending} disabled={busy}>
              {t('editor.saveDraft')}
            </Button>
            <Button
              type="primary"
              onClick={onPublish}
              loading={publish.isPending}
              disabled={busy || (!needsSave && !detail?.draftVersion)}
            >
              {t('editor.publish')}
            </Button>
          </Space>
        )}
      </div>
      {readOnly && <Alert type="info" showIcon title={t('editor.readonly')} style={{ marginBottom: 16 }} />}
      {!readOnly && detail?.draftVersion && detail.publishedVersion && (
        <Alert
          type="warning"
          showIcon
          title={t('editor.hasDraft', { v: detail.draftVersion })}
          style={{ marginBottom: 16 }}
        />
      )}
      <Row gutter={16}>
        <Col xs={24} xl={detail ? 18 : 24}>
          <Form<ItemFormValues>
            form={form}
            name="item"
            layout="vertical"
            initialValues={initialValues}
            disabled={readOnly}
            onValuesChange={(changed: Partial<ItemFormValues>) => {
              setDirty(true);
              if (changed.kind === 'instant') form.setFieldValue('promisedDays', 0);
            }}
            scrollToFirstError
          >
            <BasicInfoSection isNew={!detail} />
            <FeeItemsEditor readOnly={readOnly} />
            <MaterialsEditor
              readOnly={readOnly}
              files={
                detail
                  ? { itemId: detail.id, version: detail.materialFilesVersion, list: detail.materialFiles }
                  : undefined
              }
            />
            <StepsEditor readOnly={readOnly} />
            <FaqEditor readOnly={readOnly} />
          </Form>
        </Col>
        {detail && (
          <Col xs={24} xl={6}>
            <VersionHistory versions={detail.versions} onOpen={setViewVersion} />
          </Col>
        )}
      </Row>
      {detail && (
        <VersionViewDrawer
          itemId={detail.id}
          hallId={detail.hallId}
          code={detail.code}
          version={viewVersion}
          onClose={() => setViewVersion(null)}
        />
      )}
    </div>
  );
}

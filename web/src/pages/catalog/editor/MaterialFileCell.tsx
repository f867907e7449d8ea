import { DeleteOutlined, DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Checkbox, Form, Tooltip } from 'antd';
import { useRef } from 'react';
import { materialFileUrl, useMaterialFileMutations } from '../../../api/catalog';
import type { MaterialFile, MaterialFileKind } from '../../../api/types';
import { useNotifyError } from '../../../components/useNotifyError';
import { useT } from '../../../i18n';

/** The item's files as the editor knows them: the version they belong to (the draft when there is one). */
export interface EditorFiles {
  itemId: string;
  version: number;
  list: MaterialFile[];
}

const FLAG: Record<MaterialFileKind, 'hasBlankForm' | 'hasSample'> = {
  blank_form: 'hasBlankForm',
  sample: 'hasSample',
};
const ACCEPT = '.pdf,.doc,.docx,.xls,.xlsx,.wps,.ofd,.jpg,.jpeg,.png';

/**
 * One kind of file of one material row: the "the hall has it" tick, and once the item exists, the uploaded file
 * (download, remove) or an upload button. An upload goes onto the draft; the public sees it when it is published.
 */
export function MaterialFileCell({
  row,
  kind,
  files,
  readOnly,
}: {
  row: number;
  kind: MaterialFileKind;
  files?: EditorFiles;
  readOnly: boolean;
}) {
  const t = useT();
  const label = t(kind === 'blank_form' ? 'materials.blankForm' : 'materials.sample');
  // The key has no field of its own in the row: read it from the form's whole value (preserve).
  const form = Form.useFormInstance();
  const key = Form.useWatch(['materials', row, 'key'], { form, preserve: true }) as string | undefined;
  const file = files?.list.find((f) => f.materialKey === key && f.kind === kind);
  return (
    <div className="ow-material-file">
      <Form.Item style={{ margin: 0 }} name={[row, FLAG[kind]]} valuePropName="checked">
        <Checkbox aria-label={label}>{label}</Checkbox>
      </Form.Item>
      {file && files && (
        <a
          className="name"
          href={materialFileUrl(files.itemId, files.version, file.materialKey, kind)}
          download
          title={file.name}
        >
          <DownloadOutlined /> {file.name}
        </a>
      )}
      {files && key && !readOnly && (
        <FileButtons files={files} materialKey={key} kind={kind} label={label} has={!!file} />
      )}
    </div>
  );
}

function FileButtons(props: {
  files: EditorFiles;
  materialKey: string;
  kind: MaterialFileKind;
  label: string;
  has: boolean;
}) {
  const t = useT();
  const { message } = App.useApp();
  const notify = useNotifyError();
  const input = useRef<HTMLInputElement>(null);
  const { upload, remove } = useMaterialFileMutations(props.files.itemId);
  const pick = async (file: File | undefined) => {
    if (!file) return;
    try {
      await upload.mutateAsync({ key: props.materialKey, kind: props.kind, file });
      message.success(t('catalog.uploaded', { name: file.name }));
    } catch (e) {
      notify(e);
    } finally {
      if (input.current) input.current.value = '';
    }
  };
  const drop = async () => {
    try {
      await remove.mutateAsync({ key: props.materialKey, kind: props.kind });
      message.success(t('catalog.fileRemoved'));
    } catch (e) {
      notify(e);
    }
  };
  return (
    <span className="buttons">
      <input
        ref={input}
        type="file"
        accept={ACCEPT}
        style={{ display: 'none' }}
        aria-label={`${props.label} ${t('catalog.upload')}`}
        onChange={(e) => void pick(e.target.files?.[0])}
      />
      <Button size="small" icon={<UploadOutlined />} loading={upload.isPending} onClick={() => input.current?.click()}>
        {t(props.has ? 'catalog.replace' : 'catalog.upload')}
      </Button>
      {props.has && (
        <Tooltip title={t('catalog.removeFile')}>
          <Button
            size="small"
            danger
            type="text"
            icon={<DeleteOutlined />}
            aria-label={`${props.label} ${t('catalog.removeFile')}`}
            loading={remove.isPending}
            onClick={() => void drop()}
          />
        </Tooltip>
      )}
    </span>
  );
}

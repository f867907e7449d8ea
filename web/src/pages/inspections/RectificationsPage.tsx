import { App, Button, Card, Descriptions, Form, Input, Modal, Segmented, Space, Table, Tag, Upload } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useCan } from '../../api/auth';
import { applyFieldError } from '../../api/formErrors';
import {
  type Rectification,
  useRectifications,
  useReportRectification,
  useVerifyRectification,
} from '../../api/inspections';
import { useNotifyError } from '../../components/useNotifyError';
import { type Translate, useT } from '../../i18n';
import { statusLabel } from './labels';

const lightTag = (t: Translate, r: Rectification) => {
  if (r.light === 'closed') return <Tag color="green">{t('ins.light.closed', { day: r.closedDay ?? '' })}</Tag>;
  if (r.light === 'overdue') return <Tag color="red">{t('ins.light.overdue')}</Tag>;
  if (r.light === 'due_today') return <Tag color="orange">{t('ins.light.dueToday')}</Tag>;
  return <Tag color="blue">{statusLabel(t, r.status, r.statusLabel)}</Tag>;
};

/**
 * 整改通知: the responsible person's own notices with the report dialog; an inspector also sees every notice of
 * the hall and verifies reports (close or return).
 */
export function RectificationsPage() {
  const t = useT();
  const can = useCan();
  const inspector = can('inspection.manage');
  const [view, setView] = useState<'mine' | 'hall'>(inspector ? 'hall' : 'mine');
  // A home-page tile opens the list at its status (?status=reported).
  const [params] = useSearchParams();
  const [status, setStatus] = useState(params.get('status') ?? 'open');
  const [page, setPage] = useState(1);
  const list = useRectifications(view, status === 'all' ? undefined : status, page);
  const [reporting, setReporting] = useState<Rectification>();
  const [verifying, setVerifying] = useState<Rectification>();
  return (
    <Card
      title={t('ins.rect.title')}
      extra={
        <Space>
          {inspector && (
            <Segmented
              value={view}
              onChange={(v) => setView(v as 'mine' | 'hall')}
              options={[
                { value: 'hall', label: t('ins.rect.viewHall') },
                { value: 'mine', label: t('ins.rect.viewMine') },
              ]}
            />
          )}
          <Segmented
            value={status}
            onChange={(v) => setStatus(String(v))}
            options={[
              { value: 'open', label: t('ins.rect.filter.open') },
              { value: 'reported', label: t('ins.rect.filter.reported') },
              { value: 'overdue', label: t('ins.rect.filter.overdue') },
              { value: 'closed', label: t('ins.rect.filter.closed') },
              { value: 'all', label: t('ins.rect.filter.all') },
            ]}
          />
        </Space>
      }
    >
      <Table<Rectification>
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items}
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage }}
        locale={{ emptyText: t('ins.rect.empty') }}
        expandable={{
          expandedRowRender: (r) => (
            <Descriptions size="small" column={1}>
              <Descriptions.Item label={t('ins.rect.reportText')}>
                {r.reportText ?? t('ins.rect.notReported')}
              </Descriptions.Item>
              <Descriptions.Item label={t('ins.rect.evidence')}>
                {r.evidenceName ? (
                  <a href={`/api/rectifications/${r.id}/evidence`}>{r.evidenceName}</a>
                ) : (
                  t('ins.rect.none')
                )}
              </Descriptions.Item>
              {r.returnNote && <Descriptions.Item label={t('ins.rect.returnNote')}>{r.returnNote}</Descriptions.Item>}
              {r.verifiedByName && (
                <Descriptions.Item label={t('ins.rect.verifiedBy')}>{r.verifiedByName}</Descriptions.Item>
              )}
            </Descriptions>
          ),
        }}
        columns={[
          { title: t('ins.rect.issuedDay'), dataIndex: 'issuedDay', width: 110 },
          {
            title: t('ins.rect.kind'),
            width: 90,
            render: (_, r) => t(r.kind === 'records' ? 'ins.kind.records' : 'ins.kind.norms'),
          },
          { title: t('ins.rect.caseNo'), dataIndex: 'caseNo', width: 200, render: (v: string | null) => v ?? '—' },
          { title: t('ins.rect.responsible'), dataIndex: 'responsibleName', width: 90 },
          { title: t('ins.rect.finding'), dataIndex: 'finding', ellipsis: true },
          {
            title: t('ins.rect.due'),
            width: 150,
            render: (_, r) =>
              t('ins.rect.dueValue', { day: r.dueDay, n: r.workingDays }) +
              (r.dueProvisional ? t('ins.rect.provisional') : ''),
          },
          {
            title: t('ins.rect.status'),
            width: 150,
            render: (_, r) => (
              <Space size={4}>
                {lightTag(t, r)}
                {r.light !== 'closed' && r.light !== 'open' && <Tag>{statusLabel(t, r.status, r.statusLabel)}</Tag>}
              </Space>
            ),
          },
          {
            title: t('ins.rect.actions'),
            width: 130,
            render: (_, r) => (
              <Space>
                {r.canReport && (
                  <Button size="small" type="primary" onClick={() => setReporting(r)}>
                    {t('ins.rect.report')}
                  </Button>
                )}
                {r.canVerify && (
                  <Button size="small" type="primary" onClick={() => setVerifying(r)}>
                    {t('ins.rect.verify')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {reporting && <ReportModal notice={reporting} onClose={() => setReporting(undefined)} />}
      {verifying && <VerifyModal notice={verifying} onClose={() => setVerifying(undefined)} />}
    </Card>
  );
}

const toBase64 = (file: File) =>
  new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });

function ReportModal({ notice, onClose }: { notice: Rectification; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const notify = useNotifyError();
  const report = useReportRectification();
  const [form] = Form.useForm<{ text: string }>();
  const [file, setFile] = useState<File>();
  const save = async () => {
    const v = await form.validateFields();
    if (file && file.size > 1024 * 1024) {
      message.error(t('ins.report.tooLarge'));
      return;
    }
    try {
      await report.mutateAsync({
        id: notice.id,
        text: v.text,
        evidence: file ? { fileName: file.name, contentBase64: await toBase64(file) } : undefined,
      });
      message.success(t('ins.report.done'));
      onClose();
    } catch (e) {
      if (!applyFieldError(form, e)) notify(e);
    }
  };
  return (
    <Modal
      open
      width={600}
      title={t('ins.report.title')}
      onOk={save}
      okText={t('ins.report.submit')}
      confirmLoading={report.isPending}
      onCancel={onClose}
    >
      <p>{t('ins.rect.findingLine', { finding: notice.finding })}</p>
      {notice.returnNote && <p>{t('ins.rect.returnNoteLine', { note: notice.returnNote })}</p>}
      <Form form={form} layout="vertical">
        <Form.Item
          name="text"
          label={t('ins.report.text')}
          rules={[{ required: true, message: t('ins.report.textRequired') }]}
        >
          <Input.TextArea rows={4} maxLength={2000} />
        </Form.Item>
        <Form.Item label={t('ins.report.evidence')}>
          <Upload
            maxCount={1}
            beforeUpload={(f) => {
              setFile(f);
              return false;
            }}
            onRemove={() => setFile(undefined)}
          >
            <Button>{t('ins.report.chooseFile')}</Button>
          </Upload>
        </Form.Item>
      </Form>
    </Modal>
  );
}

function VerifyModal({ notice, onClose }: { notice: Rectification; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const notify = useNotifyError();
  const verify = useVerifyRectification();
  const [form] = Form.useForm<{ note: string }>();
  const decide = async (decision: 'close' | 'return') => {
    const v = form.getFieldsValue();
    try {
      await verify.mutateAsync({ id: notice.id, decision, note: v.note ?? '' });
      message.success(t(decision === 'close' ? 'ins.verify.closed' : 'ins.verify.returned'));
      onClose();
    } catch (e) {
      if (!applyFieldError(form, e)) notify(e);
    }
  };
  return (
    <Modal
      open
      width={600}
      title={t('ins.verify.title')}
      onCancel={onClose}
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('ins.verify.cancel')}
        </Button>,
        <Button key="return" danger loading={verify.isPending} onClick={() => decide('return')}>
          {t('ins.verify.return')}
        </Button>,
        <Button key="close" type="primary" loading={verify.isPending} onClick={() => decide('close')}>
          {t('ins.verify.close')}
        </Button>,
      ]}
    >
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t('ins.rect.finding')}>{notice.finding}</Descriptions.Item>
        <Descriptions.Item label={t('ins.rect.reportText')}>{notice.reportText}</Descriptions.Item>
        <Descriptions.Item label={t('ins.rect.evidence')}>
          {notice.evidenceName ? (
            <a href={`/api/rectifications/${notice.id}/evidence`}>{notice.evidenceName}</a>
          ) : (
            t('ins.rect.none')
          )}
        </Descriptions.Item>
      </Descriptions>
      <Form form={form} layout="vertical">
        <Form.Item name="note" label={t('ins.verify.note')}>
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

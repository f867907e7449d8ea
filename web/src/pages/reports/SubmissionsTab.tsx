import { DownloadOutlined } from '@ant-design/icons';
import { Button, DatePicker, Form, Input, Modal, Select, Space, Table } from 'antd';
import type { Dayjs } from 'dayjs';
import { buildUrl } from '../../api/client';
import { type Report, type Submission, useRecordSubmission, useSubmissions } from '../../api/reports';
import { useModalSubmit } from './useModalSubmit';
import { useT } from '../../i18n';
import { chinaToday } from '../../lib/china-day';

const channels = ['document', 'platform', 'email', 'paper'] as const;

/** 上报记录: every report version sent upward, with the export. */
export function SubmissionsTab({ hallId }: { hallId: string | undefined }) {
  const t = useT();
  const list = useSubmissions(hallId);
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Button
          icon={<DownloadOutlined />}
          disabled={!hallId}
          href={buildUrl('/api/report-submissions/export', { hallId })}
        >
          {t('rep.sub.export')}
        </Button>
      </Space>
      <Table<Submission>
        rowKey="id"
        size="middle"
        loading={list.isFetching}
        dataSource={list.data?.items}
        pagination={{ pageSize: 20 }}
        locale={{ emptyText: t('rep.sub.empty') }}
        columns={[
          { title: t('rep.sub.sentDay'), dataIndex: 'sentDay', width: 110 },
          {
            title: t('rep.sub.report'),
            render: (_, s) => `${s.reportTitle}（${t('rep.version', { n: s.reportVersion })}）`,
          },
          { title: t('rep.sub.authority'), dataIndex: 'authority', width: 200 },
          { title: t('rep.sub.channel'), dataIndex: 'channel', width: 150 },
          { title: t('rep.sub.documentNo'), dataIndex: 'documentNo', width: 180 },
          { title: t('rep.sub.by'), dataIndex: 'sentByName', width: 90 },
          { title: t('rep.sub.note'), dataIndex: 'note', ellipsis: true },
        ]}
      />
    </>
  );
}

interface SubmitForm {
  authority: string;
  sentDay: Dayjs;
  channel: string;
  documentNo?: string;
  note?: string;
}

/** 登记上报: which authority, when, how, under which document number. */
export function SubmitModal({ report, onClose }: { report: Report; onClose: () => void }) {
  const t = useT();
  const record = useRecordSubmission();
  const [form] = Form.useForm<SubmitForm>();
  const save = useModalSubmit(
    form,
    (v) =>
      record.mutateAsync({
        reportId: report.id,
        authority: v.authority,
        sentDay: v.sentDay.format('YYYY-MM-DD'),
        channel: v.channel,
        documentNo: v.documentNo ?? '',
        note: v.note ?? '',
      }),
    (_) => t('rep.submit.done'),
    onClose,
  );
  return (
    <Modal
      open
      width={600}
      title={t('rep.submit.title', { title: `${report.title}（${t('rep.version', { n: report.version })}）` })}
      onOk={save}
      okText={t('rep.submit')}
      confirmLoading={record.isPending}
      onCancel={onClose}
    >
      <Form form={form} layout="vertical" initialValues={{ sentDay: chinaToday(), channel: t('rep.channel.document') }}>
        <Form.Item
          name="authority"
          label={t('rep.submit.authority')}
          rules={[{ required: true, whitespace: true, message: t('rep.submit.authorityRequired') }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="sentDay"
          label={t('rep.submit.sentDay')}
          rules={[{ required: true, message: t('rep.submit.sentDayRequired') }]}
        >
          <DatePicker />
        </Form.Item>
        <Form.Item
          name="channel"
          label={t('rep.submit.channel')}
          rules={[{ required: true, message: t('rep.submit.channelRequired') }]}
        >
          <Select options={channels.map((c) => ({ value: t(`rep.channel.${c}`), label: t(`rep.channel.${c}`) }))} />
        </Form.Item>
        <Form.Item name="documentNo" label={t('rep.submit.documentNo')}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="note" label={t('rep.submit.note')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

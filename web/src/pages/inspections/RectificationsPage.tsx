import { App, Button, Card, Descriptions, Form, Input, Modal, Segmented, Space, Table, Tag, Upload } from 'antd';
import { useState } from 'react';
import { useCan } from '../../api/auth';
import { applyFieldError } from '../../api/formErrors';
import {
  type Rectification,
  useRectifications,
  useReportRectification,
  useVerifyRectification,
} from '../../api/inspections';
import { useNotifyError } from '../../components/useNotifyError';

const lightTag = (r: Rectification) => {
  if (r.light === 'closed') return <Tag color="green">已办结 {r.closedDay}</Tag>;
  if (r.light === 'overdue') return <Tag color="red">已逾期</Tag>;
  if (r.light === 'due_today') return <Tag color="orange">今日到期</Tag>;
  return <Tag color="blue">{r.statusLabel}</Tag>;
};

/**
 * 整改通知: the responsible person's own notices with the report dialog; an inspector also sees every notice of
 * the hall and verifies reports (close or return).
 */
export function RectificationsPage() {
  const can = useCan();
  const inspector = can('inspection.manage');
  const [view, setView] = useState<'mine' | 'hall'>(inspector ? 'hall' : 'mine');
  const [status, setStatus] = useState('open');
  const [page, setPage] = useState(1);
  const list = useRectifications(view, status === 'all' ? undefined : status, page);
  const [reporting, setReporting] = useState<Rectification>();
  const [verifying, setVerifying] = useState<Rectification>();
  return (
    <Card
      title="整改通知"
      extra={
        <Space>
          {inspector && (
            <Segmented
              value={view}
              onChange={(v) => setView(v as 'mine' | 'hall')}
              options={[
                { value: 'hall', label: '本大厅全部' },
                { value: 'mine', label: '我的整改' },
              ]}
            />
          )}
          <Segmented
            value={status}
            onChange={(v) => setStatus(String(v))}
            options={[
              { value: 'open', label: '未办结' },
              { value: 'reported', label: '待核验' },
              { value: 'overdue', label: '已逾期' },
              { value: 'closed', label: '已办结' },
              { value: 'all', label: '全部' },
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
        locale={{ emptyText: '没有整改通知' }}
        expandable={{
          expandedRowRender: (r) => (
            <Descriptions size="small" column={1}>
              <Descriptions.Item label="整改报告">{r.reportText ?? '尚未提交'}</Descriptions.Item>
              <Descriptions.Item label="佐证材料">
                {r.evidenceName ? <a href={`/api/rectifications/${r.id}/evidence`}>{r.evidenceName}</a> : '无'}
              </Descriptions.Item>
              {r.returnNote && <Descriptions.Item label="退回意见">{r.returnNote}</Descriptions.Item>}
              {r.verifiedByName && <Descriptions.Item label="核验人">{r.verifiedByName}</Descriptions.Item>}
            </Descriptions>
          ),
        }}
        columns={[
          { title: '下发日期', dataIndex: 'issuedDay', width: 110 },
          { title: '类别', width: 90, render: (_, r) => (r.kind === 'records' ? '案卷抽查' : '服务规范') },
          { title: '办件编号', dataIndex: 'caseNo', width: 200, render: (v: string | null) => v ?? '—' },
          { title: '责任人', dataIndex: 'responsibleName', width: 90 },
          { title: '问题', dataIndex: 'finding', ellipsis: true },
          {
            title: '整改期限',
            width: 150,
            render: (_, r) => `${r.dueDay}（${r.workingDays}个工作日）${r.dueProvisional ? '暂定' : ''}`,
          },
          {
            title: '状态',
            width: 150,
            render: (_, r) => (
              <Space size={4}>
                {lightTag(r)}
                {r.light !== 'closed' && r.light !== 'open' && <Tag>{r.statusLabel}</Tag>}
              </Space>
            ),
          },
          {
            title: '操作',
            width: 130,
            render: (_, r) => (
              <Space>
                {r.canReport && (
                  <Button size="small" type="primary" onClick={() => setReporting(r)}>
                    提交整改报告
                  </Button>
                )}
                {r.canVerify && (
                  <Button size="small" type="primary" onClick={() => setVerifying(r)}>
                    核验
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
  const { message } = App.useApp();
  const notify = useNotifyError();
  const report = useReportRectification();
  const [form] = Form.useForm<{ text: string }>();
  const [file, setFile] = useState<File>();
  const save = async () => {
    const v = await form.validateFields();
    if (file && file.size > 1024 * 1024) {
      message.error('佐证文件不能超过 1 MB');
      return;
    }
    try {
      await report.mutateAsync({
        id: notice.id,
        text: v.text,
        evidence: file ? { fileName: file.name, contentBase64: await toBase64(file) } : undefined,
      });
      message.success('整改报告已提交，等待监督员核验');
      onClose();
    } catch (e) {
      if (!applyFieldError(form, e)) notify(e);
    }
  };
  return (
    <Modal
      open
      width={600}
      title="提交整改报告"
      onOk={save}
      okText="提交"
      confirmLoading={report.isPending}
      onCancel={onClose}
    >
      <p>问题：{notice.finding}</p>
      {notice.returnNote && <p>退回意见：{notice.returnNote}</p>}
      <Form form={form} layout="vertical">
        <Form.Item name="text" label="整改情况" rules={[{ required: true, message: '请写明整改情况' }]}>
          <Input.TextArea rows={4} maxLength={2000} />
        </Form.Item>
        <Form.Item label="佐证材料（可选，不超过 1 MB）">
          <Upload
            maxCount={1}
            beforeUpload={(f) => {
              setFile(f);
              return false;
            }}
            onRemove={() => setFile(undefined)}
          >
            <Button>选择文件</Button>
          </Upload>
        </Form.Item>
      </Form>
    </Modal>
  );
}

function VerifyModal({ notice, onClose }: { notice: Rectification; onClose: () => void }) {
  const { message } = App.useApp();
  const notify = useNotifyError();
  const verify = useVerifyRectification();
  const [form] = Form.useForm<{ note: string }>();
  const decide = async (decision: 'close' | 'return') => {
    const v = form.getFieldsValue();
    try {
      await verify.mutateAsync({ id: notice.id, decision, note: v.note ?? '' });
      message.success(decision === 'close' ? '核验通过，整改通知已办结' : '已退回责任人重新整改');
      onClose();
    } catch (e) {
      if (!applyFieldError(form, e)) notify(e);
    }
  };
  return (
    <Modal
      open
      width={600}
      title="核验整改"
      onCancel={onClose}
      footer={[
        <Button key="cancel" onClick={onClose}>
          取消
        </Button>,
        <Button key="return" danger loading={verify.isPending} onClick={() => decide('return')}>
          退回重改
        </Button>,
        <Button key="close" type="primary" loading={verify.isPending} onClick={() => decide('close')}>
          核验通过并办结
        </Button>,
      ]}
    >
      <Descriptions size="small" column={1}>
        <Descriptions.Item label="问题">{notice.finding}</Descriptions.Item>
        <Descriptions.Item label="整改报告">{notice.reportText}</Descriptions.Item>
        <Descriptions.Item label="佐证材料">
          {notice.evidenceName ? <a href={`/api/rectifications/${notice.id}/evidence`}>{notice.evidenceName}</a> : '无'}
        </Descriptions.Item>
      </Descriptions>
      <Form form={form} layout="vertical">
        <Form.Item name="note" label="核验意见（退回时必填）">
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

import { App, Button, Card, DatePicker, Drawer, Form, Input, Space, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useCan } from '../../api/auth';
import { useEquipmentDetail, useFixFault, useRecordMaintenance } from '../../api/equipment';
import { applyFieldError } from '../../api/formErrors';
import { formatTime } from '../../components/format';
import { QueryError } from '../../components/Results';
import { useNotifyError } from '../../components/useNotifyError';
import { useT } from '../../i18n';

/** 详情: one device's 故障记录 (fixed there with a resolution) and 维护记录 (recorded there by managers). */
export function EquipmentDetailDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const t = useT();
  const can = useCan();
  const { message } = App.useApp();
  const notify = useNotifyError();
  const q = useEquipmentDetail(id);
  const fix = useFixFault();
  const maintain = useRecordMaintenance();
  const [form] = Form.useForm<{ day: Dayjs; note: string }>();
  const d = q.data;
  return (
    <Drawer open={!!id} onClose={onClose} size={760} title={d ? `${d.equipment.kindLabel} ${d.equipment.assetNo}` : ''}>
      {q.error && <QueryError error={q.error} onRetry={() => q.refetch()} />}
      {d && (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Card size="small" title={t('eq.faults')}>
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={d.faults}
              columns={[
                { title: t('eq.description'), dataIndex: 'description' },
                {
                  title: t('eq.report'),
                  dataIndex: 'reportedBy',
                  width: 170,
                  render: (v: string, r) => `${v} ${formatTime(r.reportedAt)}`,
                },
                {
                  title: t('eq.resolution'),
                  dataIndex: 'resolution',
                  render: (v: string | null, r) =>
                    r.status === 'fixed' ? (
                      `${v}（${r.fixedBy}）`
                    ) : can('equipment.manage') ? (
                      <Input.Search
                        size="small"
                        enterButton={t('eq.fix')}
                        placeholder={t('eq.resolution')}
                        onSearch={async (resolution) => {
                          try {
                            await fix.mutateAsync({ faultId: r.id, resolution });
                            message.success(t('eq.fixed'));
                          } catch (e) {
                            notify(e);
                          }
                        }}
                      />
                    ) : (
                      <Tag color="red">{t('eq.openFaults')}</Tag>
                    ),
                },
              ]}
            />
          </Card>
          <Card size="small" title={t('eq.records')}>
            {can('equipment.manage') && (
              <Form
                form={form}
                layout="inline"
                style={{ marginBottom: 12 }}
                onFinish={async (v) => {
                  if (!id) return;
                  try {
                    await maintain.mutateAsync({ id, day: v.day.format('YYYY-MM-DD'), note: v.note });
                    message.success(t('eq.maintained'));
                    form.resetFields();
                  } catch (e) {
                    if (!applyFieldError(form, e)) notify(e);
                  }
                }}
              >
                <Form.Item name="day" label={t('eq.maintainDay')} rules={[{ required: true }]}>
                  <DatePicker />
                </Form.Item>
                <Form.Item name="note" label={t('eq.maintainNote')} rules={[{ required: true }]}>
                  <Input style={{ width: 220 }} />
                </Form.Item>
                <Button htmlType="submit">{t('eq.maintain')}</Button>
              </Form>
            )}
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={d.maintenance}
              columns={[
                { title: t('eq.maintainDay'), dataIndex: 'day', width: 120 },
                { title: t('eq.maintainNote'), dataIndex: 'note' },
                { title: t('ar.by'), dataIndex: 'by', width: 100 },
              ]}
            />
          </Card>
        </Space>
      )}
    </Drawer>
  );
}

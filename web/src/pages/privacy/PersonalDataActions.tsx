import { Alert, App, Button, Descriptions, Input, Modal } from 'antd';
import { useState } from 'react';
import { useCan } from '../../api/auth';
import type { Applicant } from '../../api/cases';
import {
  exportPersonalData,
  type PersonalDataExport,
  personalDataPdfUrl,
  useRequestUnseal,
  useSealApplicant,
} from '../../api/privacy';
import { formatTime } from '../../components/format';
import { useNotifyError } from '../../components/useNotifyError';
import { useT } from '../../i18n';

/** Saves the export as a JSON file on the staff member's computer, for the applicant's access request. */
function download(name: string, data: unknown) {
  const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** 导出个人信息 and 封存 (or 申请解封 for a sealed file) on the applicant file page. */
export function PersonalDataButtons({ applicant }: { applicant: Applicant }) {
  const t = useT();
  const can = useCan();
  const { message } = App.useApp();
  const notify = useNotifyError();
  const [exported, setExported] = useState<PersonalDataExport | null>(null);
  const [asking, setAsking] = useState<'seal' | 'unseal' | null>(null);
  const [reason, setReason] = useState('');
  const seal = useSealApplicant(applicant.id);
  const unseal = useRequestUnseal(applicant.id);

  const runExport = async () => {
    try {
      const x = await exportPersonalData(applicant.id);
      download(`个人信息-${applicant.id}.json`, x);
      setExported(x);
      message.success(t('pd.exported'));
    } catch (e) {
      notify(e);
    }
  };
  const submit = async () => {
    try {
      if (asking === 'seal') {
        await seal.mutateAsync(reason);
        message.success(t('pd.sealed'));
      } else {
        await unseal.mutateAsync(reason);
        message.success(t('pd.unsealRequested'));
      }
      setAsking(null);
      setReason('');
    } catch (e) {
      notify(e);
    }
  };

  return (
    <>
      {!applicant.sealed && can('personal.export') && <Button onClick={runExport}>{t('pd.export')}</Button>}
      {!applicant.sealed && can('personal.seal') && (
        <Button danger onClick={() => setAsking('seal')}>
          {t('pd.seal')}
        </Button>
      )}
      {applicant.sealed && can('personal.seal') && (
        <Button onClick={() => setAsking('unseal')}>{t('pd.requestUnseal')}</Button>
      )}
      <Modal
        open={asking !== null}
        title={t(asking === 'seal' ? 'pd.seal.title' : 'pd.unseal.title')}
        okText={t(asking === 'seal' ? 'pd.seal' : 'pd.requestUnseal')}
        okButtonProps={{
          danger: asking === 'seal',
          disabled: reason.trim().length < 2,
          loading: seal.isPending || unseal.isPending,
        }}
        onOk={submit}
        onCancel={() => setAsking(null)}
      >
        <p>{t(asking === 'seal' ? 'pd.seal.explain' : 'pd.unseal.explain')}</p>
        <Input.TextArea
          rows={3}
          value={reason}
          maxLength={500}
          aria-label={t('pd.reason')}
          placeholder={t(asking === 'seal' ? 'pd.seal.placeholder' : 'pd.unseal.placeholder')}
          onChange={(e) => setReason(e.target.value)}
        />
      </Modal>
      <Modal
        open={exported !== null}
        title={t('pd.exported.title')}
        onCancel={() => setExported(null)}
        footer={[
          <Button key="pdf" href={personalDataPdfUrl(applicant.id)} target="_blank">
            {t('pd.printSummary')}
          </Button>,
          <Button key="ok" type="primary" onClick={() => setExported(null)}>
            {t('common.close')}
          </Button>,
        ]}
      >
        {exported && (
          <>
            <p>{t('pd.exported.explain')}</p>
            <Descriptions size="small" column={2} bordered>
              <Descriptions.Item label={t('pd.count.cases')}>{exported.cases.length}</Descriptions.Item>
              <Descriptions.Item label={t('pd.count.documents')}>
                {exported.documents.length + exported.files.length}
              </Descriptions.Item>
              <Descriptions.Item label={t('pd.count.consultations')}>{exported.consultations.length}</Descriptions.Item>
              <Descriptions.Item label={t('pd.count.tickets')}>{exported.tickets.length}</Descriptions.Item>
              <Descriptions.Item label={t('pd.count.ratings')}>{exported.ratings.length}</Descriptions.Item>
              <Descriptions.Item label={t('pd.count.changes')}>{exported.changes.length}</Descriptions.Item>
            </Descriptions>
          </>
        )}
      </Modal>
    </>
  );
}

/** What a sealed file shows in place of the person. */
export function SealedBanner({ applicant }: { applicant: Applicant }) {
  const t = useT();
  if (!applicant.sealed) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      message={t('pd.sealedBanner')}
      description={`${t('pd.sealedAt')}：${formatTime(applicant.sealedAt ?? null)}。${t('pd.sealedBanner.explain')}`}
    />
  );
}

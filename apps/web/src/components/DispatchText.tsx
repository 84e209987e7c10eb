import { EyeOutlined, DownloadOutlined } from '@ant-design/icons';
import { Button, List, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { api, errorMessage, saveBlob } from '../api/http';
import type { Attachment, DispatchBody, Task } from '../api/types';
import { fmtBytes } from '../format';
import { CHANNEL, label } from '../vocab';
import { ErrorAlert, UrgencyTag } from './common';

/** The dispatch laid out as Decree 30 prints it: header, number, place and date, subject, body, tasks, "Nơi nhận", signer. */
export function DispatchText({ dispatch, tasks }: { dispatch: DispatchBody; tasks: Task[] }) {
  const [y, m, d] = dispatch.issuedDate.split('-');
  return (
    <article className="decree" aria-label={`Công văn ${dispatch.number}/${dispatch.symbol}`}>
      <div className="decree-head">
        <div className="decree-issuer">
          {dispatch.headerAuthority ? <div>{dispatch.headerAuthority}</div> : null}
          <div className="strong">{dispatch.headerIssuer}</div>
          <div>
            Số: {dispatch.number}/{dispatch.symbol}
          </div>
          <div className="decree-subject">{dispatch.subject}</div>
        </div>
        <div className="decree-motto">
          <div className="strong">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</div>
          <div className="underline">Độc lập - Tự do - Hạnh phúc</div>
          <div className="italic">
            {dispatch.issuedPlace}, ngày {d} tháng {m} năm {y}
          </div>
          <div style={{ marginTop: 6 }}>
            <UrgencyTag urgency={dispatch.urgency} />
          </div>
        </div>
      </div>
      {dispatch.addresseeLines?.length ? (
        <div className="decree-to">
          <span>Kính gửi:</span>
          <ul>
            {dispatch.addresseeLines.map((l, i) => (
              <li key={i}>{l}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <details className="decree-body">
        <summary>Nội dung công văn</summary>
        {dispatch.body.split('\n').map((p, i) => (
          <p key={i}>
            <Emphasised text={p} />
          </p>
        ))}
      </details>
      {tasks.length ? (
        <section aria-label="Nhiệm vụ">
          <Typography.Title level={3} className="section-title">
            Nhiệm vụ
          </Typography.Title>
          <ol className="tasks">
            {tasks.map((t) => (
              <li key={t.number} value={t.number}>
                <Emphasised text={t.text} />
                {t.channels?.length ? (
                  <div className="muted small">Hình thức: {t.channels.map((c) => label(CHANNEL, c)).join(', ')}</div>
                ) : null}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      <div className="decree-foot">
        <div className="decree-dist">
          <div className="strong italic">Nơi nhận:</div>
          <ul>
            {(dispatch.distributionLines ?? []).map((l, i) => (
              <li key={i}>{l}</li>
            ))}
          </ul>
        </div>
        <div className="decree-signer">
          {dispatch.signerTitle ? <div className="strong pre">{dispatch.signerTitle}</div> : null}
          <div className="signature-space" />
          <div className="strong">{[dispatch.signerRank, dispatch.signerName].filter(Boolean).join(' ')}</div>
        </div>
      </div>
    </article>
  );
}

/**
 * The dispatch text as written, with its bold passages: the texts mark them `**like this**` (as the
 * fixture of 5207 does, and as the e-mail renders them), and the page shows them bold, not the stars.
 */
export function Emphasised({ text }: { text: string }) {
  const parts = text.split(/\*\*(.+?)\*\*/gs);
  return <>{parts.map((part, i) => (i % 2 ? <strong key={i}>{part}</strong> : part))}</>;
}

/** Attachments with size; a PDF or an image opens in a preview, anything else downloads. */
export function AttachmentList({ attachments, urlOf }: { attachments: Attachment[]; urlOf: (a: Attachment) => string }) {
  const [preview, setPreview] = useState<{ url: string; name: string; type: string } | null>(null);
  const [error, setError] = useState<unknown>(null);
  if (!attachments.length) return null;
  const open = async (a: Attachment, download: boolean) => {
    setError(null);
    try {
      const { blob } = await api.blob(urlOf(a));
      if (download) saveBlob(blob, a.fileName);
      else setPreview({ url: URL.createObjectURL(new Blob([blob], { type: a.contentType })), name: a.fileName, type: a.contentType });
    } catch (e) {
      setError(new Error(errorMessage(e)));
    }
  };
  const previewable = (a: Attachment) => a.contentType === 'application/pdf' || a.contentType.startsWith('image/');
  return (
    <section aria-label="Tệp đính kèm">
      <Typography.Title level={3} className="section-title">
        Tệp đính kèm
      </Typography.Title>
      <ErrorAlert error={error} />
      <List
        size="small"
        dataSource={attachments}
        renderItem={(a) => (
          <List.Item
            actions={[
              previewable(a) ? (
                <Button key="v" size="small" icon={<EyeOutlined />} onClick={() => void open(a, false)}>
                  Xem
                </Button>
              ) : null,
              <Button key="d" size="small" icon={<DownloadOutlined />} onClick={() => void open(a, true)}>
                Tải về
              </Button>,
            ].filter(Boolean)}
          >
            <Space direction="vertical" size={0}>
              <span>{a.fileName}</span>
              <span className="muted small">{fmtBytes(a.sizeBytes)}</span>
            </Space>
          </List.Item>
        )}
      />
      <Modal
        open={!!preview}
        title={preview?.name}
        width="min(1000px, 96vw)"
        footer={null}
        onCancel={() => {
          if (preview) URL.revokeObjectURL(preview.url);
          setPreview(null);
        }}
      >
        {preview?.type === 'application/pdf' ? (
          <iframe title={preview.name} src={preview.url} style={{ width: '100%', height: '75vh', border: 0 }} />
        ) : preview ? (
          <img src={preview.url} alt={preview.name} style={{ maxWidth: '100%' }} />
        ) : null}
      </Modal>
    </section>
  );
}

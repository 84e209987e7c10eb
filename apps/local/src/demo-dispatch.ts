import { Logger } from '@nestjs/common';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseDispatchText } from '../../api/src/dispatches/text/dispatch-text.js';
import { repoRoot } from '../../api/src/units/import/datasets.js';

interface Login {
  email: string;
  password: string;
}

/**
 * The first local start publishes the reference dispatch 5207/CAT-PA05 through the api, as its
 * "Kính gửi" and "Nơi nhận" say, so a newcomer finds a rollout in progress and its e-mails in the
 * mail catcher. Done through HTTP, the way a user would, so it exercises the real flow.
 */
export async function publishDemoDispatch(base: string, admin: Login): Promise<void> {
  const logger = new Logger('Demo');
  if (!(await waitHealthy(base))) return logger.warn('api không sẵn sàng: bỏ qua công văn mẫu');
  const credentials = { email: admin.email, password: admin.password };
  const token = ((await call(base, 'POST', '/api/v1/auth/login', undefined, credentials)) as { accessToken: string }).accessToken;
  const existing = (await call(base, 'GET', '/api/v1/dispatches?limit=1', token)) as { total: number };
  if (existing.total > 0) return;
  const unit = async (code: string) =>
    (
      (await call(base, 'GET', `/api/v1/units?q=${encodeURIComponent(code)}&includeInactive=true&limit=1`, token)) as {
        items: { id: string }[];
      }
    ).items[0].id;
  const text = parseDispatchText(await readFile(path.join(repoRoot(), 'data', 'seed', 'cong-van-5207-CAT-PA05.txt'), 'utf8'));
  const day = 86_400_000;
  const draft = (await call(base, 'POST', '/api/v1/dispatches', token, {
    issuerUnitId: await unit('CA-36-PA05'),
    headerAuthority: text.headerAuthority ?? undefined,
    headerIssuer: text.headerIssuer,
    number: text.number,
    symbol: text.symbol,
    issuedDate: text.issuedDate,
    issuedPlace: text.issuedPlace,
    documentType: 'Công văn',
    subject: text.subject,
    body: text.body,
    urgency: 'thuong',
    addresseeLines: text.addressees,
    distributionLines: text.distribution,
    signerName: text.signerName,
    signerRank: text.signerRank ?? undefined,
    tasks: text.tasks,
    recipients: [
      { purpose: 'coordinate', group: 'all_departments' },
      { purpose: 'coordinate', group: 'all_district_committees' },
      { purpose: 'report', unitId: await unit('CA-36-BGD') },
      { purpose: 'archive', unitId: await unit('CA-36-VT') },
      { purpose: 'archive', unitId: await unit('CA-36-PA05') },
    ],
    ackDueAt: new Date(Date.now() + 3 * day).toISOString(),
    forwardDueAt: new Date(Date.now() + 5 * day).toISOString(),
    reportDueAt: new Date(Date.now() + 20 * day).toISOString(),
  })) as { id: string };
  const result = (await call(base, 'POST', `/api/v1/dispatches/${draft.id}/publish`, token)) as { deliveries: number; messages: number };
  logger.log(`Đã ban hành công văn mẫu ${text.number}/${text.symbol}: ${result.deliveries} đơn vị nhận, ${result.messages} e-mail`);
}

async function waitHealthy(base: string): Promise<boolean> {
  for (let i = 0; i < 60; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return false;
}

async function call(base: string, method: string, url: string, token?: string, body?: unknown): Promise<unknown> {
  const res = await fetch(`${base}${url}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json();
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${(json as { message?: string }).message ?? ''}`);
  return json;
}

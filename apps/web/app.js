import { api, ApiError, session } from './api.js';
import { formatDate, formatDay, formatTime, h, percent, replace } from './dom.js';
import { vi } from './i18n.vi.js';

const main = document.getElementById('main');
const nav = document.getElementById('nav');
const READERS_OF_REPORTS = ['leader', 'issuer', 'admin'];

// Hash routes (#/inbox, #/deliveries/<id>, ...): the server serves one index.html and needs no fallback route.
const routes = [
  [/^#\/login$/, loginPage],
  [/^#\/inbox$/, inboxPage],
  [/^#\/deliveries\/([\w-]+)$/, deliveryPage],
  [/^#\/dashboard$/, dashboardPage],
  [/^#\/dispatches\/([\w-]+)\/report$/, reportPage],
];

function homeRoute() {
  const user = session.user;
  if (!user) return '#/login';
  return READERS_OF_REPORTS.includes(user.role) ? '#/dashboard' : '#/inbox';
}

async function route() {
  const hash = location.hash || homeRoute();
  if (!session.token && hash !== '#/login') return void (location.hash = '#/login');
  renderNav();
  for (const [pattern, page] of routes) {
    const m = pattern.exec(hash);
    if (!m) continue;
    replace(main, h('p', { class: 'muted' }, vi.loading));
    try {
      await page(...m.slice(1));
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) {
        session.clear();
        location.hash = '#/login';
        return;
      }
      replace(main, errorBox(e));
    }
    main.focus();
    return;
  }
  if (!location.hash) location.hash = hash;
  else replace(main, h('p', {}, vi.notFound));
}

function renderNav() {
  const user = session.user;
  if (!user) return replace(nav);
  const link = (href, label) => h('a', { href, 'aria-current': location.hash.startsWith(href) ? 'page' : null }, label);
  replace(
    nav,
    h(
      'ul',
      {},
      h('li', {}, link('#/inbox', vi.nav.inbox)),
      READERS_OF_REPORTS.includes(user.role) && h('li', {}, link('#/dashboard', vi.nav.dashboard)),
    ),
    h('span', { class: 'who' }, `${user.fullName} · ${user.unitName}`),
    h('button', { type: 'button', class: 'link', onclick: logout }, vi.nav.logout),
  );
}

function logout() {
  session.clear();
  location.hash = '#/login';
}

const message = (e) => (e instanceof ApiError && e.status === 0 ? vi.networkError : e.message);
const errorBox = (e) => h('p', { class: 'alert error', role: 'alert' }, message(e));

function statusBadge(row) {
  const label = vi.statuses[row.status] ?? row.status;
  return h(
    'span',
    { class: `badge s-${row.status}`, dataset: { status: row.status } },
    row.edxmlCode ? `${row.edxmlCode} · ${label}` : label,
  );
}

function dispatchRef(d) {
  return `${d.number}/${d.symbol}`;
}

function table(caption, headers, rows) {
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      {},
      h('caption', {}, caption),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          headers.map((x) => h('th', { scope: 'col' }, x)),
        ),
      ),
      h('tbody', {}, rows),
    ),
  );
}

// --- Login -------------------------------------------------------------------------------------

function loginPage() {
  document.title = `${vi.login.title} · ${vi.appTitle}`;
  const feedback = h('div', { 'aria-live': 'assertive' });
  const submit = h('button', { type: 'submit' }, vi.login.submit);
  const form = h(
    'form',
    { class: 'card narrow', novalidate: false },
    h('h1', {}, vi.login.title),
    feedback,
    h('label', { for: 'email' }, vi.login.email),
    h('input', { id: 'email', name: 'email', type: 'email', autocomplete: 'username', required: true }),
    h('label', { for: 'password' }, vi.login.password),
    h('input', { id: 'password', name: 'password', type: 'password', autocomplete: 'current-password', required: true }),
    submit,
  );
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const data = new FormData(form);
    submit.disabled = true;
    submit.textContent = vi.login.busy;
    try {
      session.clear();
      const res = await api('POST', '/auth/login', { email: data.get('email'), password: data.get('password') }, vi.networkError);
      session.save(res.accessToken, res.user);
      location.hash = homeRoute();
    } catch (e) {
      replace(feedback, errorBox(e));
      submit.disabled = false;
      submit.textContent = vi.login.submit;
    }
  });
  replace(main, form);
}

// --- Inbox -------------------------------------------------------------------------------------

async function inboxPage() {
  document.title = `${vi.inbox.title} · ${vi.appTitle}`;
  const params = new URLSearchParams(location.search);
  const state = { status: params.get('status') ?? '', overdue: params.get('overdue') ?? '' };
  const results = h('div', {});
  const statusSelect = h(
    'select',
    { id: 'f-status', name: 'status' },
    h('option', { value: '' }, vi.inbox.allStatuses),
    Object.entries(vi.statuses).map(([value, label]) => h('option', { value }, label)),
  );
  const overdueSelect = h(
    'select',
    { id: 'f-overdue', name: 'overdue' },
    h('option', { value: '' }, vi.inbox.allDeadlines),
    h('option', { value: 'true' }, vi.inbox.overdueOnly),
    h('option', { value: 'false' }, vi.inbox.notOverdue),
  );
  const form = h(
    'form',
    { class: 'filters', role: 'search' },
    h('div', {}, h('label', { for: 'f-status' }, vi.inbox.status), statusSelect),
    h('div', {}, h('label', { for: 'f-overdue' }, vi.inbox.overdue), overdueSelect),
    h('button', { type: 'submit' }, vi.inbox.filter),
  );
  const load = async () => {
    const q = new URLSearchParams({ limit: '100' });
    if (state.status) q.set('status', state.status);
    if (state.overdue) q.set('overdue', state.overdue);
    try {
      const page = await api('GET', `/inbox?${q}`, undefined, vi.networkError);
      replace(results, inboxTable(page));
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) throw e;
      replace(results, errorBox(e));
    }
  };
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    state.status = statusSelect.value;
    state.overdue = overdueSelect.value;
    await load();
  });
  await load();
  replace(main, h('h1', {}, vi.inbox.title), form, results);
}

function inboxTable(page) {
  if (!page.items.length) return h('p', { class: 'muted' }, vi.empty);
  return table(
    vi.inbox.total(page.total),
    [vi.inbox.number, vi.inbox.date, vi.inbox.subject, vi.inbox.issuer, vi.inbox.ackDue, vi.inbox.status],
    page.items.map((d) =>
      h(
        'tr',
        { class: isOverdue(d) ? 'overdue' : null },
        h('td', { class: 'ref' }, h('a', { href: `#/deliveries/${d.id}` }, dispatchRef(d.dispatch))),
        h('td', {}, formatDate(d.dispatch.issuedDate)),
        h('td', { class: 'subject' }, d.dispatch.subject),
        h('td', {}, d.dispatch.issuer),
        h('td', {}, formatTime(d.ackDueAt), d.overdueAck && h('span', { class: 'badge late' }, vi.delivery.overdue)),
        h('td', {}, statusBadge(d), missedDeadlines(d)),
      ),
    ),
  );
}

const isOverdue = (d) => Boolean(d.overdueAck || d.overdueForward || d.overdueReport);

/** Names the deadline that was missed; the acknowledgement's own column shows only its own. */
const missedDeadlines = (d, withAck = false) => [
  withAck && d.overdueAck && h('span', { class: 'badge late' }, vi.missed.ack),
  d.overdueForward && h('span', { class: 'badge late' }, vi.missed.forward),
  d.overdueReport && h('span', { class: 'badge late' }, vi.missed.report),
];

// --- One delivery ------------------------------------------------------------------------------

async function deliveryPage(id) {
  const d = await api('GET', `/deliveries/${id}`, undefined, vi.networkError);
  const x = d.dispatch;
  document.title = `${dispatchRef(x)} · ${vi.appTitle}`;
  const feedback = h('div', { class: 'feedback', 'aria-live': 'polite' });
  const fail = (e) => replace(feedback, errorBox(e));

  const act = async (button, call, done) => {
    button.disabled = true;
    try {
      const res = await call();
      await deliveryPage(id);
      const fb = main.querySelector('.feedback');
      if (fb) replace(fb, h('p', { class: 'alert ok', role: 'status' }, done(res)));
    } catch (e) {
      button.disabled = false;
      fail(e);
    }
  };

  const acknowledged = Boolean(d.acknowledgedAt);
  const refused = d.status === 'refused';
  const actions = h('div', { class: 'actions' });
  if (!acknowledged && !refused) {
    const ack = h('button', { type: 'button', class: 'primary' }, vi.delivery.acknowledge);
    ack.addEventListener('click', () =>
      act(
        ack,
        () => api('POST', `/deliveries/${id}/acknowledge`, {}, vi.networkError),
        () => vi.delivery.acknowledged,
      ),
    );
    actions.append(ack, refuseForm(id, act, fail));
  }
  if (!refused) {
    const fwd = h('button', { type: 'button' }, vi.delivery.forwardAll);
    fwd.addEventListener('click', () => {
      if (!confirm(vi.delivery.forwardConfirm)) return;
      return act(
        fwd,
        () => api('POST', `/deliveries/${id}/forward`, { targets: [{ group: 'all_commune_committees' }] }, vi.networkError),
        (r) => vi.delivery.forwarded(r.forwarded),
      );
    });
    actions.append(fwd);
  }

  const dl = (pairs) =>
    h(
      'dl',
      { class: 'meta' },
      pairs.filter(Boolean).map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]),
    );
  replace(
    main,
    h('p', {}, h('a', { href: '#/inbox' }, vi.back)),
    h('h1', {}, `${vi.delivery.dispatch} ${dispatchRef(x)}`),
    h('p', { class: 'lead' }, x.subject),
    h(
      'section',
      { class: 'card', 'aria-labelledby': 'h-status' },
      h('h2', { id: 'h-status' }, vi.delivery.status),
      h('p', { id: 'delivery-status' }, statusBadge(d), ' ', vi.purposes[d.purpose] ?? d.purpose, missedDeadlines(d, true)),
      acknowledged && h('p', {}, vi.delivery.acknowledgedBy(d.ackByName ?? '', formatTime(d.acknowledgedAt))),
      refused && h('p', {}, vi.delivery.refusedBy(d.refusedByName ?? '', d.refusalReason ?? '')),
      d.instruction && [h('h3', {}, vi.delivery.instruction), h('p', { class: 'pre' }, d.instruction)],
      h('h3', {}, vi.delivery.actions),
      actions,
      feedback,
    ),
    h(
      'section',
      { class: 'card', 'aria-labelledby': 'h-meta' },
      h('h2', { id: 'h-meta' }, vi.delivery.dispatch),
      dl([
        [vi.delivery.number, dispatchRef(x)],
        [vi.delivery.date, `${x.issuedPlace ? `${x.issuedPlace}, ` : ''}${formatDate(x.issuedDate)}`],
        [vi.delivery.issuer, x.headerIssuer],
        [vi.delivery.subject, x.subject],
        [vi.delivery.signer, [x.signerTitle, x.signerRank, x.signerName].filter(Boolean).join(' ')],
      ]),
      h('h3', {}, vi.delivery.deadlines),
      dl([
        [vi.delivery.ackDue, formatTime(d.ackDueAt)],
        [vi.delivery.forwardDue, formatTime(d.forwardDueAt)],
        [vi.delivery.reportDue, formatTime(d.reportDueAt)],
      ]),
    ),
    d.tasks.length > 0 &&
      h(
        'section',
        { class: 'card', 'aria-labelledby': 'h-tasks' },
        h('h2', { id: 'h-tasks' }, vi.delivery.tasks),
        h(
          'ol',
          { class: 'tasks' },
          d.tasks.map((t) => h('li', { value: t.number }, t.text)),
        ),
      ),
    h(
      'section',
      { class: 'card', 'aria-labelledby': 'h-children' },
      h('h2', { id: 'h-children' }, vi.delivery.children),
      d.children.length
        ? table(
            `${d.children.length}`,
            [vi.delivery.unit, vi.delivery.ackDue, vi.delivery.acknowledgedAt, vi.delivery.status],
            d.children.map((c) =>
              h(
                'tr',
                {},
                h('th', { scope: 'row' }, c.unitName),
                h('td', {}, formatTime(c.ackDueAt), c.overdueAck && h('span', { class: 'badge late' }, vi.delivery.overdue)),
                h('td', {}, formatTime(c.acknowledgedAt)),
                h('td', {}, statusBadge(c), missedDeadlines(c)),
              ),
            ),
          )
        : h('p', { class: 'muted' }, vi.delivery.noChildren),
    ),
    x.body && h('details', { class: 'card' }, h('summary', {}, vi.delivery.body), h('p', { class: 'pre' }, x.body)),
  );
}

function refuseForm(id, act, fail) {
  const details = h('details', { class: 'refuse' });
  const reason = h('textarea', { id: 'refuse-reason', name: 'reason', rows: 3, required: true });
  const submit = h('button', { type: 'submit', class: 'danger' }, vi.delivery.refuseSubmit);
  const form = h('form', {}, h('label', { for: 'refuse-reason' }, vi.delivery.refuseReason), reason, submit);
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const text = reason.value.trim();
    if (!text) {
      fail(new Error(vi.delivery.reasonRequired));
      reason.focus();
      return;
    }
    return act(
      submit,
      () => api('POST', `/deliveries/${id}/refuse`, { reason: text }, vi.networkError),
      () => vi.delivery.refused,
    );
  });
  details.append(h('summary', { class: 'button danger' }, vi.delivery.refuse), form);
  return details;
}

// --- Dashboard and report ----------------------------------------------------------------------

async function dashboardPage() {
  document.title = `${vi.dashboard.title} · ${vi.appTitle}`;
  const page = await api('GET', '/reports/dashboard?limit=100', undefined, vi.networkError);
  const t = vi.dashboard;
  replace(
    main,
    h('h1', {}, t.title),
    page.items.length
      ? table(
          t.total(page.total),
          [t.dispatch, t.subject, t.issuer, t.recipients, t.acknowledgedRate, t.onTimeRate, t.activityCoverage, t.blocking],
          page.items.map((d) =>
            h(
              'tr',
              { dataset: { dispatchId: d.id } },
              h(
                'td',
                { class: 'ref' },
                h('a', { href: `#/dispatches/${d.id}/report`, title: t.report }, dispatchRef(d)),
                h('br'),
                h('small', {}, formatDate(d.issuedDate)),
              ),
              h('td', { class: 'subject' }, d.subject),
              h('td', {}, d.issuerName),
              h('td', { class: 'num' }, d.total),
              h('td', { class: 'num' }, meter(d.acknowledgedRate)),
              h('td', { class: 'num' }, meter(d.onTimeRate)),
              h('td', { class: 'num' }, meter(d.activityCoverage)),
              h('td', { class: `num ${d.blocking ? 'warn' : ''}` }, d.blocking),
            ),
          ),
        )
      : h('p', { class: 'muted' }, vi.empty),
  );
}

function meter(rate) {
  return h(
    'span',
    { class: 'meter' },
    h('span', { class: 'bar', style: `width:${(Number(rate) * 4).toFixed(2)}rem`, 'aria-hidden': 'true' }),
    h('span', {}, percent(rate)),
  );
}

async function reportPage(id) {
  const r = await api('GET', `/dispatches/${id}/report`, undefined, vi.networkError);
  const t = vi.report;
  document.title = `${t.title} ${dispatchRef(r.dispatch)} · ${vi.appTitle}`;
  replace(
    main,
    h('p', {}, h('a', { href: '#/dashboard' }, vi.back)),
    h('h1', {}, `${t.title} ${dispatchRef(r.dispatch)}`),
    h('p', { class: 'lead' }, r.dispatch.subject),
    h('p', { class: 'muted' }, `${t.generatedAt} ${formatTime(r.generatedAt)} · ${t.total}: ${r.total}`),
    h(
      'section',
      { class: 'card', 'aria-labelledby': 'h-levels' },
      h('h2', { id: 'h-levels' }, t.levels),
      table(
        t.levels,
        [t.level, t.levelTotal, t.reached, t.acknowledged, t.onTime, t.late, t.refused],
        r.levels.map((l) =>
          h(
            'tr',
            {},
            h('th', { scope: 'row' }, vi.levels[l.level] ?? l.level),
            h('td', { class: 'num' }, l.total),
            h('td', { class: 'num' }, `${l.reached} (${percent(l.reachedShare)})`),
            h('td', { class: 'num' }, `${l.acknowledged} (${percent(l.acknowledgedShare)})`),
            h('td', { class: 'num' }, `${l.onTime} (${percent(l.onTimeShare)})`),
            h('td', { class: 'num' }, l.late),
            h('td', { class: 'num' }, l.refused),
          ),
        ),
      ),
      h('p', {}, `${t.ackTime}: ${t.median} ${t.hours(r.ackTime.medianHours)}, ${t.p90} ${t.hours(r.ackTime.p90Hours)}`),
      h(
        'p',
        {},
        `${t.activity}: ${t.coverage} ${percent(r.activity.coverage)} (${r.activity.unitsWithActivity}/${r.activity.actingUnits}), ${t.activities} ${r.activity.activities}, ${t.reach} ${r.activity.totalReach}`,
      ),
    ),
    h(
      'section',
      { class: 'card', 'aria-labelledby': 'h-blocking' },
      h('h2', { id: 'h-blocking' }, `${t.blocking} (${r.blockingTotal})`),
      r.blocking.length
        ? table(
            t.blocking,
            [t.unit, t.level, t.status, t.why, t.waitingBelow],
            r.blocking.map((b) =>
              h(
                'tr',
                {},
                h('th', { scope: 'row' }, b.unitName),
                h('td', {}, vi.levels[b.level] ?? b.level),
                h('td', {}, statusBadge(b)),
                h(
                  'td',
                  {},
                  [
                    b.overdueAck && `${t.overdueAck} (${formatDay(b.ackDueAt)})`,
                    b.overdueForward && `${t.overdueForward} (${formatDay(b.forwardDueAt)})`,
                  ]
                    .filter(Boolean)
                    .join(', '),
                ),
                h('td', { class: 'num' }, b.waitingBelow),
              ),
            ),
          )
        : h('p', { class: 'muted' }, t.noBlocking),
    ),
  );
}

document.title = vi.appTitle;
document.getElementById('app-title').textContent = vi.appTitle;
document.getElementById('skip').textContent = vi.skipToContent;
window.addEventListener('hashchange', route);
route();

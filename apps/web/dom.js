// Builds elements from data. Text always goes through text nodes, never innerHTML, so an API
// string (a subject, a unit name, a refusal reason typed by someone) can never become markup.
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value == null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else if (value === true) el.setAttribute(key, '');
    else el.setAttribute(key, String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child == null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function replace(el, ...children) {
  el.replaceChildren();
  append(el, children);
}

const dateFmt = new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' });
const timeFmt = new Intl.DateTimeFormat('vi-VN', {
  timeZone: 'Asia/Ho_Chi_Minh',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** "2023-10-19" (a calendar date) as 19/10/2023, without a time-zone shift. */
export function formatDate(isoDate) {
  if (!isoDate) return '—';
  const [y, m, d] = String(isoDate).slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}

/** A timestamp, in Vietnam time. */
export function formatTime(iso) {
  return iso ? timeFmt.format(new Date(iso)) : '—';
}

export function formatDay(iso) {
  return iso ? dateFmt.format(new Date(iso)) : '—';
}

export function percent(rate) {
  return `${(Number(rate) * 100).toLocaleString('vi-VN', { maximumFractionDigits: 1 })}%`;
}

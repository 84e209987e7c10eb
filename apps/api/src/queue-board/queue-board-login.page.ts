/**
 * What /admin/queues shows a browser without a board session: sign in as an admin, and the page
 * exchanges the api token for the board cookie, then reloads. Vietnamese, as every page people read.
 * The script is a file of its own (/admin/queues/sign-in.js), so a strict Content-Security-Policy
 * (script-src 'self') allows it.
 */
export const BOARD_LOGIN_PAGE = `<!doctype html>
<html lang="vi">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Bảng hàng đợi: đăng nhập</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 28rem; margin: 4rem auto; padding: 0 1rem">
<h1 style="font-size: 1.3rem">Bảng hàng đợi (Bull Board)</h1>
<p>Chỉ quản trị viên toàn hệ thống được xem. Hãy đăng nhập; phiên xem bảng có hiệu lực 15 phút.</p>
<form id="board-login">
<p><label>E-mail<br><input name="email" type="email" autocomplete="username" required style="width: 100%"></label></p>
<p><label>Mật khẩu<br><input name="password" type="password" autocomplete="current-password" required style="width: 100%"></label></p>
<p><button type="submit">Đăng nhập</button></p>
<p id="board-error" role="alert" style="color: #b00020"></p>
</form>
<script src="/admin/queues/sign-in.js"></script>
</body>
</html>
`;

export const BOARD_LOGIN_SCRIPT = `document.getElementById('board-login').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = new FormData(event.target);
  const error = document.getElementById('board-error');
  error.textContent = '';
  const post = (url, body, token) =>
    fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: 'Bearer ' + token } : {}) },
      body: JSON.stringify(body),
    });
  const login = await post('/api/v1/auth/login', { email: form.get('email'), password: form.get('password') });
  const body = await login.json().catch(() => ({}));
  if (!login.ok) return (error.textContent = body.message || 'Đăng nhập không thành công.');
  const session = await post('/api/v1/admin/queue-board/session', {}, body.accessToken);
  if (!session.ok) return (error.textContent = (await session.json().catch(() => ({}))).message || 'Tài khoản không có quyền xem bảng hàng đợi.');
  location.reload();
});
`;

import { Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { ErrorAlert } from '../components/common';
import { useSession } from '../session';

export function LoginPage() {
  const { me, logIn } = useSession();
  const navigate = useNavigate();
  const loc = useLocation();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const state = loc.state as { from?: string; email?: string } | null;
  const from = state?.from ?? '/';
  if (me) return <Navigate to={from} replace />;

  const submit = async (v: { email: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      await logIn(v.email.trim(), v.password);
      void navigate(from, { replace: true });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <main className="login" id="main">
      <Card style={{ width: 'min(400px, 100%)' }}>
        <div className="login-brand">
          <img src="/favicon.svg" alt="" width={40} height={40} />
          <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>
            Theo dõi triển khai công văn
          </Typography.Title>
        </div>
        <Typography.Title level={2} style={{ fontSize: 18 }}>
          Đăng nhập
        </Typography.Title>
        <ErrorAlert error={error} />
        {/* The link page sends the e-mail of the account it just created. */}
        <Form layout="vertical" onFinish={submit} requiredMark={false} initialValues={{ email: state?.email }}>
          <Form.Item label="Thư điện tử" name="email" rules={[{ required: true, message: 'Nhập thư điện tử.' }]}>
            <Input type="email" autoComplete="username" autoFocus={!state?.email} />
          </Form.Item>
          <Form.Item label="Mật khẩu" name="password" rules={[{ required: true, message: 'Nhập mật khẩu.' }]}>
            <Input.Password autoComplete="current-password" autoFocus={!!state?.email} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy} block>
            Đăng nhập
          </Button>
        </Form>
      </Card>
    </main>
  );
}

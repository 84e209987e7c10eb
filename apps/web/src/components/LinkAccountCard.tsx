import { UserAddOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api } from '../api/http';
import type { CreateLinkAccountDto, LinkAccountDto, LinkSignupState } from '../api/generated/types.gen';
import { ErrorAlert } from './common';

interface Props {
  /** `/ack-links/<token>`: the signed link scopes the account to this delivery's unit. */
  base: string;
  unitName: string;
  state: LinkSignupState;
  onCreated: () => void;
}

type Fields = CreateLinkAccountDto & { confirm: string };

/**
 * "Tạo tài khoản cho đơn vị" on the link page, where an admin allowed it and the unit has no account yet:
 * the person then signs in at the login page and finds every dispatch of the unit in its inbox.
 */
export function LinkAccountCard({ base, unitName, state, onCreated }: Props) {
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [created, setCreated] = useState<LinkAccountDto | null>(null);
  const create = useMutation({
    mutationFn: ({ fullName, email, password }: Fields) =>
      api.post<LinkAccountDto>(`${base}/account`, {
        fullName: fullName.trim(),
        email: email.trim(),
        password,
      } satisfies CreateLinkAccountDto),
    onSuccess: (account) => {
      setCreated(account);
      onCreated();
    },
  });
  if (created) {
    return (
      <Card size="small" className="panel" title="Tài khoản của đơn vị">
        <Alert
          type="success"
          showIcon
          role="status"
          title={`Đã tạo tài khoản ${created.email} cho ${created.unitName}.`}
          description="Đăng nhập bằng e-mail và mật khẩu vừa đặt để xem mọi công văn gửi đơn vị và xử lý mà không cần liên kết."
        />
        <Button type="primary" style={{ marginTop: 8 }} onClick={() => void navigate('/dang-nhap', { state: { email: created.email } })}>
          Đăng nhập
        </Button>
      </Card>
    );
  }
  if (state === 'unit_has_account') {
    return (
      <p className="muted small">
        {unitName} đã có tài khoản trên hệ thống: <Link to="/dang-nhap">đăng nhập</Link> để xem mọi công văn gửi đơn vị.
      </p>
    );
  }
  if (state !== 'available') return null;
  return (
    <Card size="small" className="panel" title="Tài khoản của đơn vị">
      <Typography.Paragraph style={{ marginBottom: 8 }}>
        {unitName} chưa có tài khoản trên hệ thống. Với tài khoản, đơn vị đăng nhập để xem mọi công văn gửi đến và xử lý mà không cần liên
        kết trong e-mail.
      </Typography.Paragraph>
      {!open ? (
        <Button icon={<UserAddOutlined />} onClick={() => setOpen(true)}>
          Tạo tài khoản cho đơn vị
        </Button>
      ) : (
        <Form<Fields>
          layout="vertical"
          requiredMark={false}
          onFinish={(v) => create.mutate(v)}
          aria-label="Tạo tài khoản cho đơn vị"
          className="narrow-form"
        >
          <Form.Item
            label="Họ và tên"
            name="fullName"
            rules={[{ required: true, min: 2, whitespace: true, message: 'Nhập họ và tên (ít nhất 2 ký tự).' }]}
          >
            <Input autoComplete="name" maxLength={200} />
          </Form.Item>
          <Form.Item
            label="Thư điện tử"
            name="email"
            rules={[{ required: true, type: 'email', message: 'Nhập một địa chỉ thư điện tử hợp lệ.' }]}
          >
            <Input type="email" autoComplete="email" maxLength={254} />
          </Form.Item>
          <Form.Item
            label="Mật khẩu"
            name="password"
            extra="Ít nhất 12 ký tự và khó đoán: ví dụ một cụm nhiều từ, có chữ, số và ký hiệu."
            rules={[{ required: true, min: 12, message: 'Mật khẩu cần ít nhất 12 ký tự.' }]}
          >
            <Input.Password autoComplete="new-password" maxLength={200} />
          </Form.Item>
          <Form.Item
            label="Nhập lại mật khẩu"
            name="confirm"
            dependencies={['password']}
            rules={[
              { required: true, message: 'Nhập lại mật khẩu.' },
              ({ getFieldValue }) => ({
                validator: (_, value) =>
                  !value || value === getFieldValue('password') ? Promise.resolve() : Promise.reject(new Error('Hai mật khẩu không khớp.')),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" maxLength={200} />
          </Form.Item>
          <ErrorAlert error={create.error} />
          <Button type="primary" htmlType="submit" icon={<UserAddOutlined />} loading={create.isPending}>
            Tạo tài khoản
          </Button>
        </Form>
      )}
    </Card>
  );
}

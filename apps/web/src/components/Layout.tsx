import { LogoutOutlined, MenuOutlined } from '@ant-design/icons';
import { Button, Drawer, Layout, Menu, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { can, useSession } from '../session';
import { ROLE } from '../vocab';
import { useIsPhone } from './common';

interface NavItem {
  key: string;
  label: string;
}

export function navItems(role: string | undefined): NavItem[] {
  const items: NavItem[] = [];
  const me = role ? ({ role } as Parameters<typeof can.compose>[0]) : null;
  if (can.compose(me)) items.push({ key: '/cong-van', label: 'Công văn đi' });
  items.push({ key: '/cong-van-den', label: 'Công văn đến' });
  if (can.lead(me)) items.push({ key: '/bang-theo-doi', label: 'Bảng theo dõi' });
  if (can.units(me)) items.push({ key: '/don-vi', label: 'Đơn vị' });
  return items;
}

/** A compact header (48 px) with the sections this role uses; on a phone the sections sit in a drawer. */
export function AppLayout({ children }: { children: ReactNode }) {
  const { me, logOut } = useSession();
  const phone = useIsPhone();
  const [open, setOpen] = useState(false);
  const loc = useLocation();
  const navigate = useNavigate();
  const items = navItems(me?.role);
  const selected = items.filter((i) => loc.pathname.startsWith(i.key)).map((i) => i.key);
  const menu = (mode: 'horizontal' | 'vertical') => (
    <Menu
      mode={mode}
      theme={mode === 'horizontal' ? 'dark' : 'light'}
      selectedKeys={selected}
      items={items.map((i) => ({ key: i.key, label: <Link to={i.key}>{i.label}</Link> }))}
      onClick={() => setOpen(false)}
      style={mode === 'horizontal' ? { flex: 1, minWidth: 0, background: 'transparent' } : undefined}
    />
  );
  const signOut = () => {
    // Leave first, so the login page does not send the next user back to this one's screen.
    logOut(true);
    void navigate('/dang-nhap', { replace: true, state: null });
  };
  return (
    <Layout className="app">
      <a className="skip-link" href="#main">
        Bỏ qua, đến nội dung chính
      </a>
      <Layout.Header className="app-header">
        <Link to="/" className="brand" aria-label="Trang chủ: Theo dõi triển khai công văn">
          <img src="/favicon.svg" alt="" width={24} height={24} />
          <span>{phone ? 'Theo dõi công văn' : 'Theo dõi triển khai công văn'}</span>
        </Link>
        {phone ? (
          <>
            <span style={{ flex: 1 }} />
            <Button type="text" aria-label="Mở danh mục" icon={<MenuOutlined style={{ color: '#fff' }} />} onClick={() => setOpen(true)} />
            <Drawer title={me?.unitName} open={open} onClose={() => setOpen(false)} size="default" placement="right">
              {menu('vertical')}
              <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>
                {me?.fullName} · {ROLE[me?.role ?? ''] ?? ''}
              </Typography.Paragraph>
              <Button icon={<LogoutOutlined />} onClick={signOut} block>
                Đăng xuất
              </Button>
            </Drawer>
          </>
        ) : (
          <>
            {menu('horizontal')}
            <span className="who" title={me?.email}>
              {me?.fullName} · {me?.unitName}
            </span>
            <Button size="small" icon={<LogoutOutlined />} onClick={signOut}>
              Đăng xuất
            </Button>
          </>
        )}
      </Layout.Header>
      <Layout.Content id="main" tabIndex={-1} className="app-main">
        {children}
      </Layout.Content>
    </Layout>
  );
}

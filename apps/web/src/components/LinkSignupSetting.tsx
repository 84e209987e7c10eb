import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Card, Radio, Typography } from 'antd';
import { api } from '../api/http';
import type { LinkSignupSetting as Setting, SetLinkSignupDto, UnitLinkSignupDto } from '../api/generated/types.gen';
import { LINK_SIGNUP_SETTING } from '../vocab';
import { ErrorAlert, Loading } from './common';

const LABEL = 'Cho phép đơn vị tự tạo tài khoản qua liên kết';

/** What applies to the unit, and because of which unit. */
function applied(s: UnitLinkSignupDto): string {
  const verdict = s.allowed ? 'cho phép' : 'không cho phép';
  if (!s.decidedBy) return `Đang áp dụng: ${verdict} (chưa đơn vị nào ở trên cho phép).`;
  if (s.decidedBy.id === s.unitId) return `Đang áp dụng: ${verdict}, theo cài đặt của chính đơn vị này.`;
  return `Đang áp dụng: ${verdict}, theo ${s.decidedBy.name}.`;
}

/**
 * "Cho phép đơn vị tự tạo tài khoản qua liên kết" on a unit's page (admins): allow or refuse for this unit
 * and the units below it that have no setting of their own, or follow the unit above.
 */
export function LinkSignupSetting({ unitId }: { unitId: string }) {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const path = `/units/${unitId}/link-signup`;
  const current = useQuery({ queryKey: ['link-signup', unitId], queryFn: () => api.get<UnitLinkSignupDto>(path) });
  const save = useMutation({
    mutationFn: (setting: Setting) => api.put<UnitLinkSignupDto>(path, { setting } satisfies SetLinkSignupDto),
    onSuccess: (data) => {
      qc.setQueryData(['link-signup', unitId], data);
      // Units below follow it: their pages read it again.
      void qc.invalidateQueries({ queryKey: ['link-signup'], predicate: (q) => q.queryKey[1] !== unitId });
      void message.success('Đã lưu cài đặt tạo tài khoản qua liên kết.');
    },
  });
  return (
    <Card size="small" className="panel" title="Tài khoản qua liên kết e-mail">
      {current.data ? (
        <>
          <Typography.Paragraph id="link-signup-label" strong style={{ marginBottom: 4 }}>
            {LABEL}
          </Typography.Paragraph>
          <Radio.Group
            aria-labelledby="link-signup-label"
            value={save.isPending ? save.variables : current.data.setting}
            disabled={save.isPending}
            onChange={(e) => save.mutate(e.target.value as Setting)}
            options={(Object.keys(LINK_SIGNUP_SETTING) as Setting[]).map((value) => ({ value, label: LINK_SIGNUP_SETTING[value] }))}
          />
          <p className="small" data-testid="link-signup-applied" style={{ margin: '8px 0 4px' }}>
            {applied(current.data)}
          </p>
          <p className="muted small" style={{ margin: 0 }}>
            Khi được phép, một đơn vị chưa có tài khoản nào có thể tự tạo tài khoản đầu tiên (vai trò Cán bộ) ngay trên trang mở từ liên kết
            trong e-mail công văn. Cài đặt áp dụng cho cả các đơn vị trực thuộc, trừ đơn vị có cài đặt riêng.
          </p>
        </>
      ) : (
        <Loading />
      )}
      <ErrorAlert error={current.error ?? save.error} style={{ marginTop: 8 }} />
    </Card>
  );
}

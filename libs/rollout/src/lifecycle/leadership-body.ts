/**
 * The director's model: a leader's account sits on its unit (Công an tỉnh, so the dashboard covers the whole
 * force), while the copies "để báo cáo" are addressed to the leadership body directly below it, the Ban Giám đốc
 * (code `<unit code>-BGD`, as the Nam Định seed and the province onboarding name it). Leaders of the unit read
 * that body's inbox and act for it.
 */
export const LEADERSHIP_BODY_SUFFIX = '-BGD';

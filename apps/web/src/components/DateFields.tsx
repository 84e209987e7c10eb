import { DatePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';

/**
 * Date and date-time fields shown as dd/mm/yyyy and dd/mm/yyyy HH:mm (24-hour), whatever the browser's
 * locale. Values stay strings: "yyyy-mm-dd", and "yyyy-mm-ddThh:mm" as Vietnam wall-clock time (format.ts
 * turns it into an instant with +07:00), so the device's own time zone never shifts a deadline.
 */
interface Props {
  id?: string;
  value?: string;
  onChange?: (v: string) => void;
  /** Latest allowed value, same string form. */
  max?: string;
  placeholder?: string;
  style?: React.CSSProperties;
  'aria-label'?: string;
}

export function VnDateTime({ id, value, onChange, max, placeholder, style, ...rest }: Props) {
  return (
    <DatePicker
      id={id}
      aria-label={rest['aria-label']}
      showTime={{ format: 'HH:mm' }}
      format="DD/MM/YYYY HH:mm"
      placeholder={placeholder ?? 'dd/mm/yyyy hh:mm'}
      value={value ? dayjs(value) : null}
      onChange={(d: Dayjs | null) => onChange?.(d ? d.format('YYYY-MM-DDTHH:mm') : '')}
      disabledDate={max ? (d) => d.isAfter(dayjs(max), 'minute') : undefined}
      style={{ width: '100%', ...style }}
      needConfirm={false}
    />
  );
}

export function VnDate({ id, value, onChange, max, placeholder, style, ...rest }: Props) {
  return (
    <DatePicker
      id={id}
      aria-label={rest['aria-label']}
      format="DD/MM/YYYY"
      placeholder={placeholder ?? 'dd/mm/yyyy'}
      value={value ? dayjs(value) : null}
      onChange={(d: Dayjs | null) => onChange?.(d ? d.format('YYYY-MM-DD') : '')}
      disabledDate={max ? (d) => d.isAfter(dayjs(max), 'day') : undefined}
      style={{ width: '100%', ...style }}
    />
  );
}

import { DatePicker } from 'antd';
import type { CSSProperties } from 'react';
import dayjs from 'dayjs';

/**
 * A day (YYYY-MM-DD) chosen in antd's Chinese date picker, for forms whose value is the day as
 * text: the browser's own date field would show its placeholder in the browser's language
 * (mm/dd/yyyy on an English one). Form.Item's value and onChange pass through as strings.
 */
export function DayInput({ value, onChange, style, ...rest }: {
  value?: string | null; onChange?: (day: string | undefined) => void; style?: CSSProperties; 'aria-label'?: string; disabled?: boolean;
}) {
  const parsed = value ? dayjs(value, 'YYYY-MM-DD', true) : null;
  return (
    <DatePicker
      {...rest}
      format="YYYY-MM-DD"
      placeholder="选择日期"
      style={style}
      value={parsed && parsed.isValid() ? parsed : null}
      onChange={(d) => onChange?.(d ? d.format('YYYY-MM-DD') : undefined)}
    />
  );
}

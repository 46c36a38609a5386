import { DatePicker } from 'antd';
import type { CSSProperties } from 'react';
import dayjs from 'dayjs';

/**
 * A date and time to the minute ('YYYY-MM-DDTHH:mm', the register's way of writing a time)
 * chosen in antd's Chinese date picker. A typed time is taken when the field is left, without
 * the picker's 确定 button, so typing and moving on with Tab works as in DayInput.
 */
export function MinuteInput({ value, onChange, style, ...rest }: {
  value?: string | null; onChange?: (time: string | undefined) => void; style?: CSSProperties; 'aria-label'?: string; disabled?: boolean;
}) {
  const parsed = value ? dayjs(value.slice(0, 16), 'YYYY-MM-DDTHH:mm', true) : null;
  return (
    <DatePicker
      {...rest}
      showTime={{ format: 'HH:mm' }}
      needConfirm={false}
      format="YYYY-MM-DD HH:mm"
      placeholder="选择日期和时间"
      style={style}
      value={parsed && parsed.isValid() ? parsed : null}
      onChange={(d) => onChange?.(d ? d.format('YYYY-MM-DDTHH:mm') : undefined)}
    />
  );
}

import type { z } from 'zod';
import type { passwordChangeResultSchema } from '../../../shared/schemas/account';
import { api } from '../../api/client';
import type { PasswordFormValues } from './PasswordForm';

export function changeOwnPassword(values: PasswordFormValues) {
  return api.post<z.infer<typeof passwordChangeResultSchema>>('/api/auth/password', {
    currentPassword: values.currentPassword,
    newPassword: values.newPassword,
  });
}

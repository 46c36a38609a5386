import { Alert, Form, Input, Typography } from 'antd';
import type { FormInstance } from 'antd';
import { passwordProblem } from '../../../domain/access/password-policy';
import { passwordChangeSchema } from '../../../shared/schemas/account';
import { zodRule } from '../../components/zod-rule';

export interface PasswordFormValues {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

/**
 * 当前密码 / 新密码 / 确认新密码, validated with the server's schema and the same strength
 * rule (src/domain/access/password-policy.ts) against the user name.
 */
export function PasswordForm({ form, username, error, disabled }: {
  form: FormInstance<PasswordFormValues>;
  username: string;
  error: string | null;
  disabled?: boolean;
}) {
  return (
    <Form<PasswordFormValues> form={form} layout="vertical" requiredMark={false} disabled={disabled}>
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 16 }} />}
      <Typography.Paragraph type="secondary">
        新密码至少 10 个字符，包含小写字母、大写字母、数字、符号中的至少三类，且不含用户名。
      </Typography.Paragraph>
      <Form.Item label="当前密码" name="currentPassword" rules={[zodRule(passwordChangeSchema.shape.currentPassword, '请输入当前密码')]}>
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item
        label="新密码"
        name="newPassword"
        rules={[
          zodRule(passwordChangeSchema.shape.newPassword, '请输入新密码'),
          {
            validator: async (_rule, value: string | undefined) => {
              const problem = value ? passwordProblem(value, username) : null;
              if (problem) throw new Error(problem);
            },
          },
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        label="确认新密码"
        name="confirmPassword"
        dependencies={['newPassword']}
        rules={[
          { required: true, message: '请再次输入新密码' },
          ({ getFieldValue }) => ({
            validator: async (_rule, value: string | undefined) => {
              if (value && value !== getFieldValue('newPassword')) throw new Error('两次输入的新密码不一致');
            },
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </Form>
  );
}

import { z } from 'zod';
import zhCNMessages from 'zod/v4/locales/zh-CN.js';

// Form validation messages in Chinese, as on the server (src/server/app.ts). This module is
// loaded beside the first page (routes.tsx), not in the entry: zod and its messages are only
// needed where a form validates, and every page waits for it before it renders.
z.config(zhCNMessages());

import { z } from 'zod';
import { zodMessages } from '../shared/zod-messages';

// Form validation messages in Chinese words, as on the server (src/server/app.ts). This module is
// loaded beside the first page (routes.tsx), not in the entry: zod and its messages are only
// needed where a form validates, and every page waits for it before it renders.
z.config(zodMessages());

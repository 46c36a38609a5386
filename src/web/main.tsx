import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { router } from './routes';
import { SessionProvider } from './session/session';
// antd's styles as one prebuilt stylesheet (zeroRuntime below) instead of generating them in
// the browser as each component first renders: the largest single cost of the results page's
// first paint (bench:web). Our theme changes only the font, which reaches the prebuilt rules
// through antd's CSS variables; the app's own styles come after it and still win.
import 'antd/dist/antd.css';
import './styles.css';

dayjs.locale('zh-cn');

const fontFamily = "-apple-system, 'PingFang SC', 'Microsoft YaHei', 'WenQuanYi Micro Hei', 'Noto Sans CJK SC', 'Helvetica Neue', Arial, sans-serif";

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConfigProvider locale={zhCN} theme={{ token: { fontFamily }, zeroRuntime: true }} button={{ autoInsertSpace: false }}>
      <AntApp>
        <SessionProvider>
          <RouterProvider router={router} />
        </SessionProvider>
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);

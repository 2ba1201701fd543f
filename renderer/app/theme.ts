import type { ThemeConfig } from 'antd';

/** A restrained government-office look: seal red as the accent, system CJK fonts. */
export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#b71c1c',
    colorLink: '#b71c1c',
    borderRadius: 4,
    fontFamily:
      '"Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", "WenQuanYi Micro Hei", sans-serif',
  },
};

import type { ThemeConfig } from 'antd';

/**
 * A restrained government-office look. The accent is a deep blue: with seal red as the primary
 * colour every focused field looked like an error. Red stays for the title and for real errors.
 */
export const theme: ThemeConfig = {
  token: {
    // Someone who asked their system for less motion (Windows: 显示动画 off) gets no sliding
    // and fading: dialogs, drawers and messages appear at once.
    motion: !globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches,
    colorPrimary: '#1f4e8c',
    colorLink: '#1f4e8c',
    // antd derives the selected-row/menu background from the primary; for this dark blue that
    // came out a heavy grey-blue, so the light tints are set by hand.
    colorPrimaryBg: '#eaf1fb',
    colorPrimaryBgHover: '#dbe7f6',
    borderRadius: 4,
    fontFamily:
      '"Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", "WenQuanYi Micro Hei", sans-serif',
  },
};

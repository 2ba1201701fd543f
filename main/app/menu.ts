import { Menu, type MenuItemConstructorOptions } from 'electron';

// A short Chinese menu. Roles give the native behaviour (and Ctrl+C/V shortcuts); labels are
// set because Electron's role labels are English.

export function menuTemplate(devTools: boolean): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions[] = [
    { role: 'resetZoom', label: '实际大小' },
    { role: 'zoomIn', label: '放大' },
    { role: 'zoomOut', label: '缩小' },
    { type: 'separator' },
    { role: 'togglefullscreen', label: '全屏' },
  ];
  if (devTools) {
    // Reloading drops the renderer's state mid-form; only developers get it.
    view.push(
      { type: 'separator' },
      { role: 'reload', label: '重新加载' },
      { role: 'toggleDevTools', label: '开发者工具' },
    );
  }
  return [
    { label: '文件', submenu: [{ role: 'quit', label: '退出' }] },
    {
      label: '编辑',
      submenu: [
        { role: 'undo', label: '撤销' },
        { role: 'redo', label: '重做' },
        { type: 'separator' },
        { role: 'cut', label: '剪切' },
        { role: 'copy', label: '复制' },
        { role: 'paste', label: '粘贴' },
        { role: 'selectAll', label: '全选' },
      ],
    },
    { label: '视图', submenu: view },
    { label: '帮助', submenu: [{ role: 'about', label: '关于人民调解工作台' }] },
  ];
}

export function installMenu(devTools: boolean): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(devTools)));
}

import { Alert } from 'antd';
import { useAccess } from '../app/access';

/**
 * At a township's installation, over a setting the county decides for all (deadline rules,
 * document settings, the review standard): it arrives with the county's packages, and a change
 * made here stays here until the county changes the same setting, which then waits in 冲突处理
 * (main/core/exchange/catalogueRules.ts). Nothing at the county centre's own installation.
 */
export function CountySharedNote() {
  const { office } = useAccess();
  if (office?.kind !== 'township') return null;
  return (
    <Alert
      type="info"
      showIcon
      data-testid="county-shared-note"
      style={{ marginBottom: 16 }}
      title="本项由县调解中心统一设置，随数据交换下发。在本机修改只在本机生效，不会发往县中心；县中心再次修改同一项时，将在“数据交换 → 冲突处理”中由您选择保留哪一个。"
    />
  );
}

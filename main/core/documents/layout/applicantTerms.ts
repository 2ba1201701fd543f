import type { Party } from '../model';

// The 司法确认申请书 quotes the agreement's terms, but in the application everyone is a joint
// 申请人: a term saying "被申请人于…向申请人支付" no longer says who pays whom. Each role word
// in the quoted terms becomes 申请人 and the party's name, with its role in the agreement on its
// first mention: 被申请人宁夏某公司 → 申请人宁夏某公司（原被申请人）.

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function asJointApplicants(terms: readonly string[], parties: readonly Party[]): string[] {
  const names = parties.map((p) => p.name).sort((a, b) => b.length - a.length);
  // Longest role first so 被申请人 is never read as 申请人; 申请人民法院 is not a role.
  const pattern = new RegExp(`(被申请人|第三人|申请人(?!民))(${names.map(escape).join('|')})?`, 'g');
  const mentioned = new Set<Party>();
  const mention = (p: Party): string => {
    const first = !mentioned.has(p) && p.role !== '申请人';
    mentioned.add(p);
    return `申请人${p.name}${first ? `（原${p.role}）` : ''}`;
  };
  return terms.map((term) =>
    term.replace(pattern, (word: string, role: string, name: string | undefined) => {
      const named = name ? parties.find((p) => p.name === name) : undefined;
      if (named) return mention(named);
      const holders = parties.filter((p) => p.role === role);
      // A role no party holds is ordinary prose (转让给第三人): left as written.
      return holders.length === 0 ? word : holders.map(mention).join('、');
    }),
  );
}

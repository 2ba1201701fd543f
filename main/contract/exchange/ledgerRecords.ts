import { recordFamily } from './columns';

// The ledgers an office keeps beside its cases (issue 14): a case's dossier (卷宗, with its
// filed papers) travels with the case; the 案卷评查 of it by the office that reviewed it (the
// county reviewing a township's cases); the 两排查一分析 rounds, findings and monthly analyses by
// the office that held them, for its own committees.

export const ledgerTableColumns = {
  dossiers: {
    caseId: 'uuid',
    committeeId: 'uuid',
    volumeYear: 'int',
    volumeSeq: 'int',
    volumeNumber: 'text',
    title: 'text',
    filedBy: 'text',
    filedByName: 'text',
    filedOn: 'text',
    retention: 'text',
    state: 'text',
    revision: 'int',
    notes: 'text?',
    checkedBy: 'text?',
    missingReason: 'text?',
  },
  dossier_papers: {
    dossierId: 'uuid',
    caseId: 'uuid',
    item: 'text',
    fileName: 'text',
    mimeType: 'text',
    size: 'int',
    pages: 'int',
    sha256: 'text',
    data: 'bytes',
    addedByName: 'text',
  },
  // The archived PDF of each revision (归档版本), as the office that archived it typeset it: the
  // county's 案卷评查 reads the township's own archived file.
  dossier_archives: {
    dossierId: 'uuid',
    revision: 'int',
    archivedByName: 'text',
    pageCount: 'int',
    sha256: 'text',
    missingReason: 'text?',
    reopenedAt: 'text?',
    reopenedByName: 'text?',
    reopenReason: 'text?',
    pdf: 'bytes',
  },
  dossier_reviews: {
    dossierId: 'uuid',
    caseId: 'uuid',
    committeeId: 'uuid',
    reviewerId: 'text',
    reviewerName: 'text',
    reviewedOn: 'text',
    scores: 'text',
    total: 'real',
    grade: 'text',
    comments: 'text?',
  },
  screening_rounds: {
    organisationId: 'uuid',
    heldOn: 'text',
    conductedBy: 'text',
    method: 'text',
    area: 'text',
    findingCount: 'int',
    recordedBy: 'text',
    recordedByName: 'text',
  },
  screening_findings: {
    roundId: 'uuid',
    seq: 'int',
    kind: 'text',
    summary: 'text',
    disposition: 'text',
    caseId: 'uuid?',
    note: 'text?',
  },
  screening_analyses: {
    organisationId: 'uuid',
    month: 'text',
    judgement: 'text',
    measures: 'text',
    writtenByName: 'text',
  },
} as const;

export type LedgerTable = keyof typeof ledgerTableColumns;
/** In the order a package carries them: every row after the rows it refers to. */
export const ledgerTables = Object.keys(ledgerTableColumns) as LedgerTable[];

export const ledgerTableLabels: Record<LedgerTable, string> = {
  dossiers: '卷宗',
  dossier_papers: '卷宗材料',
  dossier_archives: '卷宗归档版本',
  dossier_reviews: '案卷评查',
  screening_rounds: '矛盾纠纷排查',
  screening_findings: '排查发现',
  screening_analyses: '月度分析',
};

const fieldNames: Record<string, string> = {
  caseId: '所属案件',
  committeeId: '调委会',
  volumeYear: '卷号年度',
  volumeSeq: '卷号序号',
  volumeNumber: '卷号',
  title: '卷名',
  filedBy: '立卷人账号',
  filedByName: '立卷人',
  filedOn: '立卷日期',
  retention: '保管期限',
  state: '状态',
  revision: '修订次数',
  notes: '本卷情况说明',
  checkedBy: '检查人',
  missingReason: '缺项说明',
  dossierId: '所属卷宗',
  item: '材料项目',
  fileName: '文件名',
  mimeType: '文件类型',
  size: '大小（字节）',
  pages: '页数',
  sha256: 'SHA-256',
  addedByName: '上传人',
  archivedByName: '归档人',
  pageCount: '页数',
  reopenedAt: '重新打开时间',
  reopenedByName: '重新打开人',
  reopenReason: '重新打开理由',
  reviewerId: '评查人账号',
  reviewerName: '评查人',
  reviewedOn: '评查日期',
  scores: '各项得分',
  total: '总分',
  grade: '等次',
  comments: '评查意见',
  organisationId: '调解组织',
  heldOn: '排查日期',
  conductedBy: '排查人员',
  method: '排查方式',
  area: '排查范围',
  findingCount: '发现数',
  recordedBy: '登记人账号',
  recordedByName: '登记人',
  roundId: '所属排查',
  seq: '序号',
  kind: '类别',
  summary: '简要情况',
  disposition: '处置',
  note: '备注',
  month: '月份',
  judgement: '形势研判',
  measures: '措施',
  writtenByName: '撰写人',
};

const family = recordFamily(ledgerTableColumns, fieldNames);
export const ledgerLines = family.lines;
export const ledgerFieldLabels = family.fieldLabels;

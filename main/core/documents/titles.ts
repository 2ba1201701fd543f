// Every document's title, in one module without docx: the registry, the audit and the file names
// need them at start, while the generators (and docx) load with the first document printed.

export const AGREEMENT_TITLE = '人民调解协议书';
export const APPLICATION_TITLE = '人民调解申请书';
export const CONFIRMATION_TITLE = '司法确认申请书';
export const COURT_REPORT_TITLE = '调解情况说明';
export const CONTENTS_TITLE = '卷内目录';
export const COVER_TITLE = '卷宗封面';
export const NOTE_TITLE = '备考表';
export const INTAKE_TITLE = '人民调解受理登记表';
export const INVESTIGATION_TITLE = '人民调解调查记录';
export const MEDIATION_RECORD_TITLE = '人民调解记录';
export const ANALYSIS_TITLE = '矛盾纠纷排查化解月度分析';
export const ORAL_TITLE = '人民调解口头协议登记表';
export const REFUSAL_NOTICE_TITLE = '不予受理告知书';
export const RETURN_VISIT_TITLE = '人民调解回访记录';
export const RIGHTS_TITLE = '当事人权利义务告知书';
export const TERMINATION_TITLE = '调解终止告知书';

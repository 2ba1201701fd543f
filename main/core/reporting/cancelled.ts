/** Thrown inside a package being written when the 档案员 pressed 取消. */
export class PackageCancelled extends Error {}

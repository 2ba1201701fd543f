// pdf-lib and the typesetter's modules take a third of a second to load: they come with the first
// scan checked or dossier assembled, not with the app's start-up.
export async function pdfModules() {
  const [{ dossierPdfJob }, { checkScan }] = await Promise.all([
    import('./dossierPdf'),
    import('./pdf/scans'),
  ]);
  return { dossierPdfJob, checkScan };
}

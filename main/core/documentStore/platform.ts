// What the machine running the services can do with a file besides handing its bytes to the
// renderer: the desktop app implements it with Electron's dialogs and shell (main/app); browser
// mode has none, and the renderer downloads and prints from the preview instead.

export interface Platform {
  /** Asks where to save (a save dialog); writes the bytes there. null when the user cancels. */
  saveAs(suggestedName: string, bytes: Buffer): Promise<string | null>;
  /**
   * Writes the bytes into the session's private temp folder (wiped at launch, sign-in, lock and exit) and opens
   * them with the system's default application (Word, WPS). Never writes anywhere else.
   */
  openWithDefaultApp(bytes: Buffer, name: string, tempDir: string): Promise<void>;
}

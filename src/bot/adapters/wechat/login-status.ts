/** The WeChat login as the console shows it: waiting for a scan (with the QR code), logged in, or out. */

export type LoginState = "starting" | "scan" | "logged-in" | "logged-out";

export interface LoginStatus {
  state: LoginState;
  /** The login link to show as a QR code while waiting for a scan. */
  qrcode?: string;
  /** The bot account's WeChat name once logged in. */
  user?: string;
  since: string;
}

export class LoginTracker {
  private status: LoginStatus = { state: "starting", since: new Date().toISOString() };

  current(): LoginStatus {
    return this.status;
  }

  scan(qrcode: string): void {
    this.status = { state: "scan", qrcode, since: new Date().toISOString() };
  }

  loggedIn(user: string): void {
    this.status = { state: "logged-in", user, since: new Date().toISOString() };
  }

  loggedOut(user?: string): void {
    this.status = { state: "logged-out", user, since: new Date().toISOString() };
  }
}

/** Where Debian's chromium is: the browser tests and the bench use it, never a downloaded browser. */
export const CHROMIUM = "/usr/bin/chromium";

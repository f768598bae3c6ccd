/** Something the console cannot do as asked; `field` names the part of the request at fault. */
export class ConsoleRequestError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 429 | 503,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = "ConsoleRequestError";
  }
}

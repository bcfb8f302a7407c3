/**
 * An input problem the user can act on. It always names where: the file, and the row, column or
 * JSON path when there is one. Faces print `message` and never a stack trace.
 */
export class ImportError extends Error {
  constructor(
    message: string,
    readonly where: { file?: string; row?: number; column?: string; path?: string } = {},
  ) {
    super(message);
    this.name = 'ImportError';
  }
}

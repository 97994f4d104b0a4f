/** An expected failure with a German message that is safe to show (ARCHITECTURE rule 8). */
export class DomainError extends Error {
  constructor(
    public readonly code: string,
    message: string,
    /** The form field the message belongs next to. */
    public readonly field?: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

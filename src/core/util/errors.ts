/**
 * An Error class whose instances are named `name` (callers tell input errors apart by name; a string survives
 * minification, a class name does not): `export class InspectError extends namedError('InspectError') {}`.
 */
export function namedError(name: string): new (message: string) => Error {
  return class extends Error {
    constructor(message: string) {
      super(message);
      this.name = name;
    }
  };
}

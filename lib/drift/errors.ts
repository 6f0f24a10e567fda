// Errors raised by the drift module. Kept apart so that every file can throw them
// without import cycles.

/**
 * The inputs cannot be compared: the cases where TFDV returns InvalidArgument
 * (empty histogram, mismatched types, missing data). Callers record no measurement.
 */
export class DriftInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DriftInputError";
  }
}

/** A profile or TFDV statistics document is malformed; `path` names the field at fault. */
export class ProfileFormatError extends Error {
  readonly path: string;
  readonly problem: string;

  constructor(path: string, problem: string) {
    super(`${path}: ${problem}`);
    this.name = "ProfileFormatError";
    this.path = path;
    this.problem = problem;
  }
}

// A Jest reporter that prints nothing: the CLI's own summary table is the output, and Jest's
// default reporter would repeat every failure with a stack trace of the harness.
export default class QuietReporter {
  getLastError(): undefined {
    return undefined;
  }
}

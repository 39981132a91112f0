// A Jest reporter that prints nothing: the CLI's own summary table is the output, and Jest's
// default reporter would repeat every failure with a stack trace of the harness.
export default class QuietReporter {
  /** Jest writes "Determining test suites to run..." to a terminal before the run: erase it. */
  onRunStart(): void {
    if (process.stdout.isTTY) process.stdout.write('\r\x1b[K');
  }

  getLastError(): undefined {
    return undefined;
  }
}

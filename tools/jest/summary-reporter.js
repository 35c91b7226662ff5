// Prints one plain closing line per run ("unit: 120 passed, 0 failed, 2 skipped") so that logs
// and CI can read the outcome without parsing Jest's decorated summary.
class SummaryReporter {
  onRunComplete(contexts, results) {
    const projects = new Set([...contexts].map((c) => c.config.displayName?.name).filter(Boolean));
    const label = projects.size === 1 ? [...projects][0] : 'tests';
    const skipped = results.numPendingTests + results.numTodoTests;
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    const line = `${label}: ${results.numPassedTests} passed, ${failed} failed, ${skipped} skipped`;
    // Jest prints its own summary after every reporter has run; wait for it so this line is last.
    process.once('exit', () => process.stderr.write(`\n${line}\n`));
  }
}

module.exports = SummaryReporter;

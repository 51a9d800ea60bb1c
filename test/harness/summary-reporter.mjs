// Writes the browser suite's pass/fail counts to a file for scripts/test.mjs,
// which prints one combined summary line at the very end of `npm test`.
import { writeFileSync } from 'node:fs';

function count(suite, totals) {
  for (const test of suite.tests) {
    if (test.skipped) totals.skipped++;
    else if (test.passed) totals.passed++;
    else totals.failed++;
  }
  for (const child of suite.suites) count(child, totals);
}

export function summaryReporter(file = process.env.KECK_SUMMARY_FILE) {
  return {
    onTestRunFinished({ sessions }) {
      const totals = { passed: 0, failed: 0, skipped: 0, fileErrors: 0 };
      for (const session of sessions) {
        if (session.testResults) count(session.testResults, totals);
        if (!session.passed && (!session.testResults || session.errors?.length)) totals.fileErrors++;
      }
      if (file) writeFileSync(file, JSON.stringify(totals));
    },
  };
}

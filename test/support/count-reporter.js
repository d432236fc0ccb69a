// Mocha reporter: the usual "spec" output, plus one JSON line of counts appended to
// $TEST_STATS_FILE so scripts/test.js can print one total over every test layer.
const fs = require('fs');
const Mocha = require('mocha');

class CountReporter extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    runner.once(Mocha.Runner.constants.EVENT_RUN_END, () => {
      const file = process.env.TEST_STATS_FILE;
      if (!file) return;
      const { passes, failures, pending } = runner.stats;
      const layer = process.env.TEST_LAYER || 'tests';
      fs.appendFileSync(file, JSON.stringify({ layer, passes, failures, pending }) + '\n');
    });
  }
}

module.exports = CountReporter;

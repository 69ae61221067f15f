/**
 * Imported by cli.mlm.test.ts before src/cli/main: that module runs the CLI on process.argv when it is the
 * bundle's entry (as it is in a test bundle). Make that automatic run a harmless `--version`.
 */
process.argv = [process.argv[0], process.argv[1], '--version'];

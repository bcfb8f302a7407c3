/**
 * `node --import tsx bench/large-team/measured-cli.ts <allot arguments…>`: one `allot` command in
 * this fresh process, exactly as src/cli/main.ts runs it, then its time and peak memory on stderr.
 */
import { main } from '../../src/cli/main';
import { reportAndExit } from './measured';

const started = performance.now();
reportAndExit(started, await main(process.argv.slice(2)));

import './lib/notebook.css';
import { notebook } from './lib/cell';
import load from './model/load';
import loadSource from './model/load.ts?raw';
import frontier from './policies/frontier';
import frontierSource from './policies/frontier.ts?raw';
import simulate from './policies/simulate';
import simulateSource from './policies/simulate.ts?raw';

const page = notebook();
const loaded = page.cell('load', loadSource, load);
const simulated = page.cell('simulate', simulateSource, async (display) => simulate(await loaded, display));
page.cell('frontier', frontierSource, async (display) => (await simulated, frontier(await loaded, display)));
void page.finish();

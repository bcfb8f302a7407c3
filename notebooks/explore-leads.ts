import './lib/notebook.css';
import { notebook } from './lib/cell';
import conversionBySource from './explore-leads/conversion-by-source';
import conversionBySourceSource from './explore-leads/conversion-by-source.ts?raw';
import load from './explore-leads/load';
import loadSource from './explore-leads/load.ts?raw';
import responseTime from './explore-leads/response-time';
import responseTimeSource from './explore-leads/response-time.ts?raw';
import volume from './explore-leads/volume';
import volumeSource from './explore-leads/volume.ts?raw';

const page = notebook();
const db = page.cell('load', loadSource, load);
page.cell('volume', volumeSource, async (display) => volume(await db, display));
page.cell('conversion-by-source', conversionBySourceSource, async (display) => conversionBySource(await db, display));
page.cell('response-time', responseTimeSource, async (display) => responseTime(await db, display));
void page.finish();

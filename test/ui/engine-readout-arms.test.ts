import { describe, expect, it } from 'vitest';
import { generateRollout, rolloutCsv } from '../../data/generator/rollout';
import { createNativeDatabase } from '../../src/data/adapters/native-node';
import { candidateWeek, dayNumber, isCandidateSlot, weekIndex } from '../../src/route/arm-split';
import { noop, sampleFile, sampleHandlers, sampleScenario } from '../support/sample-engine';

const WEEK_START = '2026-04-06';

/**
 * The workbench reads a slot split from the slot column the Salesforce export adds, and a
 * switchback from the creation dates, exactly as if each lead's arm had been written out.
 */
describe('the engine reads the arms of a slot split and of a switchback', () => {
  it('as the same arms written in a column', async () => {
    const rollout = generateRollout({ seed: 23, weeks: 10, leadsPerWeek: 300, candidateShare: 0.5, gain: 0.2 });
    const lines = rolloutCsv(rollout, WEEK_START, ['r01', 'r02', 'r03']).trimEnd().split('\n');
    const start = dayNumber(WEEK_START)!;
    // Each lead's slot as an AutoNumber mod 100 gives it, and the arms both splits imply, written out.
    const csv = [`${lines[0]},Allot_Slot__c,slot_arm,week_arm`, ...lines.slice(1).map((line, i) => {
      const slot = (i + 37) % 100;
      const week = weekIndex(dayNumber(line.split(',')[1]!)!, start);
      const arm = (candidate: boolean) => (candidate ? 'candidate' : 'control');
      return `${line},${slot},${arm(isCandidateSlot(slot, 0.3))},${arm(candidateWeek(week, 0.5))}`;
    })].join('\n') + '\n';

    const db = await createNativeDatabase();
    try {
      const handlers = sampleHandlers(db);
      await handlers.load({ files: [sampleFile('leads.csv')], isSample: true }, noop);
      const scenario = sampleScenario();
      const read = (arms: Parameters<typeof handlers.readout>[0]['arms']) =>
        handlers.readout({ scenario, files: [{ name: 'since.csv', bytes: new TextEncoder().encode(csv) }], arms, control: 'as_is', candidate: 'optimized', windowDays: 30 }, noop);
      const core = (r: Awaited<ReturnType<typeof read>>) => ({ readout: r.readout, withoutArm: r.withoutArm, monitor: r.monitor });

      const bySlot = await read({ kind: 'slot', share: 0.3, column: 'Allot_Slot__c' });
      expect(bySlot.readout.candidate.leads + bySlot.readout.control.leads).toBeGreaterThan(1000);
      expect(core(bySlot)).toEqual(core(await read({ kind: 'column', column: 'slot_arm' })));

      const byWeek = await read({ kind: 'week', share: 0.5, weekStart: WEEK_START });
      expect(core(byWeek)).toEqual(core(await read({ kind: 'column', column: 'week_arm' })));
      expect(byWeek.readout.candidate.leads).not.toBe(bySlot.readout.candidate.leads);
    } finally {
      await db.close();
    }
  }, 180_000);
});

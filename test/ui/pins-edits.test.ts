import { describe, expect, it } from 'vitest';
import { ScenarioSchema } from '../../src/model/scenario';
import { segmentWith, withConstraints, withExclusions, withPins } from '../../src/ui/policies/scenario-edits';
import { parseScenarioText, sampleScenario, scenarioFileText } from '../../src/ui/state/scenario-file';

describe('pins and exclusions as scenario edits', () => {
  it('a pin set in the editor is in the saved file, and opens again as it was', () => {
    const before = withConstraints(sampleScenario(), { maxMinWeight: 2, valueFloor: 0.5 });
    const pins = [{ segment: { region: 'East', product: 'Enterprise' }, rep: 'r05', share: 0.5 }];
    const after = withPins(before, pins);
    expect(after.constraints.pins).toEqual(pins);
    // The other limits stay as they were, and the scenario it came from is untouched.
    expect(after.constraints).toMatchObject({ maxMinWeight: 2, valueFloor: 0.5, exclusions: [] });
    expect(before.constraints.pins).toEqual([]);
    expect(parseScenarioText('q3.json', scenarioFileText(after)).constraints.pins).toEqual(pins);
  });

  it('exclusions replace the list whole, and an emptied list leaves the pins alone', () => {
    const pinned = withPins(sampleScenario(), [{ segment: { region: 'East' }, rep: 'r05', share: 0.2 }]);
    const excluded = withExclusions(pinned, [{ segment: { product: 'Pro' }, rep: 'r03' }, { segment: {}, rep: 'r09' }]);
    expect(excluded.constraints.exclusions.map((e) => e.rep)).toEqual(['r03', 'r09']);
    expect(ScenarioSchema.parse(excluded)).toEqual(excluded);
    const cleared = withExclusions(excluded, []);
    expect(cleared.constraints.exclusions).toEqual([]);
    expect(cleared.constraints.pins).toEqual(pinned.constraints.pins);
  });

  it('"any" value of a segment field leaves the field out, so the pin matches every value of it', () => {
    const segment = { region: 'East', product: 'Enterprise' };
    expect(segmentWith(segment, 'product', null)).toEqual({ region: 'East' });
    expect(segmentWith(segment, 'product', 'Pro')).toEqual({ region: 'East', product: 'Pro' });
    expect(segmentWith({ region: 'East' }, 'product', 'Starter')).toEqual({ region: 'East', product: 'Starter' });
    expect(segmentWith({}, 'region', null)).toEqual({});
    expect(segment).toEqual({ region: 'East', product: 'Enterprise' });
  });
});

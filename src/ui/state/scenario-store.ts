import type { Rep } from '../../model/roster';
import type { Scenario } from '../../model/scenario';
import type { ScenarioStorage } from './autosave';
import { parseKept, type KeptScenario } from './kept-scenarios';
import { parseScenario } from './scenario-file';
import type { DecayCurveParams } from '../../model/estimates';

/** Why the scenario changed, so a step redoes only what it must (the Model step re-estimates on `decay`, not on `name`). */
export type ScenarioChange = 'replaced' | 'roster' | 'decay' | 'leads';

export class ScenarioChangeEvent extends Event {
  constructor(readonly change: ScenarioChange) {
    super('scenario-change');
  }
}

/** Inline roster reps, or null while the roster is only a file path (or absent: inferred from the history). */
export function inlineReps(scenario: Scenario): Rep[] | null {
  return scenario.roster && 'reps' in scenario.roster ? scenario.roster.reps : null;
}

/**
 * The workbench's current scenario (`allot.scenario/v1`), the roster saved inline once the team is
 * known. Steps read `scenario` and call the update methods; each change fires `scenario-change`
 * and is autosaved. Updates replace objects, never mutate them, so a step can compare by identity.
 */
export class ScenarioStore extends EventTarget {
  #scenario: Scenario;
  #kept: readonly KeptScenario[] = [];
  #saving: Promise<void> = Promise.resolve();

  constructor(initial: Scenario, private readonly storage: ScenarioStorage | null) {
    super();
    this.#scenario = initial;
  }

  get scenario(): Scenario {
    return this.#scenario;
  }

  get reps(): Rep[] | null {
    return inlineReps(this.#scenario);
  }

  /** The scenarios kept for comparison, oldest first; each change fires `kept-change` and is autosaved. */
  get kept(): readonly KeptScenario[] {
    return this.#kept;
  }

  keep(kept: KeptScenario): void {
    this.#setKept([...this.#kept, kept]);
  }

  renameKept(id: string, name: string): void {
    this.#setKept(this.#kept.map((k) => (k.id === id ? { ...k, name } : k)));
  }

  removeKept(id: string): void {
    this.#setKept(this.#kept.filter((k) => k.id !== id));
  }

  /** The autosaved scenario, if there is one and it is still valid; else the initial one stays. The kept scenarios come back too. */
  async restore(): Promise<boolean> {
    if (!this.storage) return false;
    await this.#restoreKept(this.storage.kept);
    try {
      const saved = await this.storage.load();
      if (saved === undefined) return false;
      this.#set(parseScenario('autosave', saved), 'replaced', false);
      return true;
    } catch (error) {
      console.warn('Allot: the autosaved scenario could not be restored', error);
      return false;
    }
  }

  replace(scenario: Scenario): void {
    this.#set(scenario, 'replaced');
  }

  setRoster(reps: Rep[]): void {
    this.#set({ ...this.#scenario, roster: { reps } }, 'roster');
  }

  updateRep(index: number, rep: Rep): void {
    const reps = this.reps;
    if (!reps?.[index]) throw new Error(`roster.reps[${index}]: no such rep.`);
    this.setRoster(reps.map((r, i) => (i === index ? rep : r)));
  }

  /** The scenario's own decay curve; null goes back to the fitted (or preset) one. */
  setDecay(decay: DecayCurveParams | null): void {
    const { decay: _, ...rest } = this.#scenario;
    this.#set(decay ? { ...rest, decay } : rest, 'decay');
  }

  /** The lead file the scenario names, when the user loads another one in the Data step. */
  setLeadsPath(path: string): void {
    if (this.#scenario.leads.path === path) return;
    this.#set({ ...this.#scenario, leads: { ...this.#scenario.leads, path } }, 'leads');
  }

  /** Resolves when every change so far is stored (tests and the page's unload wait on it). */
  saved(): Promise<void> {
    return this.#saving;
  }

  async #restoreKept(storage: ScenarioStorage | undefined) {
    if (!storage) return;
    try {
      const kept = parseKept(await storage.load());
      // A keep made while the store was still reading wins over nothing, and is not lost.
      if (kept.length) this.#setKept([...kept, ...this.#kept.filter((k) => !kept.some((r) => r.id === k.id))], this.#kept.length > 0);
    } catch (error) {
      console.warn('Allot: the kept scenarios could not be restored', error);
    }
  }

  #set(scenario: Scenario, change: ScenarioChange, save = true) {
    this.#scenario = scenario;
    if (save) this.#save(this.storage, scenario, 'the scenario');
    this.dispatchEvent(new ScenarioChangeEvent(change));
  }

  #setKept(kept: readonly KeptScenario[], save = true) {
    this.#kept = kept;
    if (save) this.#save(this.storage?.kept, kept, 'the kept scenarios');
    this.dispatchEvent(new Event('kept-change'));
  }

  #save(storage: ScenarioStorage | null | undefined, value: unknown, what: string) {
    if (!storage) return;
    this.#saving = this.#saving.then(() => storage.save(value)).catch((error: unknown) => console.warn(`Allot: ${what} could not be autosaved`, error));
  }
}

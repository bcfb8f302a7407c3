import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import type { EngineClient } from '../engine/engine-client';
import type { I18n } from '../i18n';
import type { ScenarioStore } from '../state/scenario-store';
import type { SharedDataSession } from '../state/shared-session';
import { LatestRun } from './latest-run';
import { WorkbenchChanges } from './workbench-changes';

/**
 * A step that asks the engine worker for its figures (Model, Policies, Compare, Export): the
 * shell hands each the same things, each follows data and scenario changes, and each runs one
 * request at a time through `latest`. The steps work only while `active` (shown).
 */
export class WorkbenchStep extends LitElement {
  @property({ attribute: false }) i18n!: I18n;
  @property({ attribute: false }) session!: SharedDataSession;
  @property({ attribute: false }) store!: ScenarioStore;
  @property({ attribute: false }) engine!: EngineClient;
  @property({ type: Boolean }) active = false;
  /** Bumped by the shell on every scenario change, so the controls show the stored scenario. */
  @property({ attribute: false }) revision = 0;
  protected readonly latest = new LatestRun(this);

  constructor() {
    super();
    new WorkbenchChanges(this, () => this, { data: () => this.dataChanged(), scenario: (event) => this.scenarioChanged(event) });
  }

  /** New leads were loaded. */
  protected dataChanged(): void {}

  /** The scenario changed (a ScenarioChangeEvent). */
  protected scenarioChanged(_event: Event): void {}
}

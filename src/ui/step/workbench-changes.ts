import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ScenarioStore } from '../state/scenario-store';
import type { SharedDataSession } from '../state/shared-session';

interface Sources {
  session: SharedDataSession;
  store: ScenarioStore;
}

interface Handlers {
  /** New leads were loaded (or the sample). */
  data: () => void;
  /** The scenario changed; the event is a ScenarioChangeEvent saying what changed. */
  scenario: (event: Event) => void;
}

/**
 * Listens to the two things every page of the workbench follows, the loaded data and the
 * scenario, while its host is in the document. The sources are read when the host connects:
 * the steps receive them as properties, set before they are connected.
 */
export class WorkbenchChanges implements ReactiveController {
  #connected: Sources | null = null;

  constructor(
    host: ReactiveControllerHost,
    private readonly sources: () => Sources,
    private readonly on: Handlers,
  ) {
    host.addController(this);
  }

  #data = () => this.on.data();
  #scenario = (event: Event) => this.on.scenario(event);

  hostConnected() {
    // Kept as connected to, so a source replaced while connected is still let go of.
    const { session, store } = this.sources();
    this.#connected = { session, store };
    session.events.addEventListener('data-change', this.#data);
    store.addEventListener('scenario-change', this.#scenario);
  }

  hostDisconnected() {
    const sources = this.#connected;
    if (!sources) return;
    sources.session.events.removeEventListener('data-change', this.#data);
    sources.store.removeEventListener('scenario-change', this.#scenario);
    this.#connected = null;
  }
}

import type { CanonicalField } from '../../model/mapping';
import type { CompareTexts } from '../compare/compare-texts';
import type { PoliciesTexts } from '../policies/policies-texts';
import type { RolloutTexts } from '../rollout/rollout-texts';
import type { DesignTexts } from '../rollout/design-texts';
import type { ExportTargetName } from '../../export/target';
import type { RulePolicy } from '../../model/scenario';
import type { ColumnProfile, IssueSeverity, SourceSummary } from '../../model/quality';

export type Lang = 'zh' | 'en';
export type StepId = 'data' | 'team' | 'model' | 'policies' | 'compare' | 'export' | 'rollout';
export type DateOrderChoice = 'auto' | 'ymd' | 'dmy' | 'mdy';
export type Outcome = 'won' | 'lost' | 'open';
export type TeamColumn = 'rep_id' | 'name' | 'team' | 'tier' | 'skills' | 'capacity_per_week' | 'max_open' | 'active' | 'absences' | 'crm_user';

/**
 * Every word the workbench shows, per language. One concept, one word (GLOSSARY.md). Strings
 * that take values are functions of already formatted text, so numbers follow the locale.
 */
export interface Texts {
  app: {
    name: string;
    tagline: string;
    languageLabel: string;
    stepsLabel: string;
    comingLater: string;
    retry: string;
  };
  steps: Record<StepId, string>;
  data: {
    title: string;
    intro: string;
    filesTitle: string;
    dropHere: string;
    chooseFiles: string;
    formats: string;
    severalFiles: string;
    loaded: string;
    sample: string;
    leadTable: string;
    joinedTable: string;
    useAsLeadTable: string;
    sourceLine: (rows: string, encoding: string, delimiter: string | null) => string;
    encodings: Record<SourceSummary['encoding'], string>;
    delimiters: Record<string, string>;
    loadFailed: string;
    unexpectedError: (message: string) => string;
    awaitingFiles: (scenario: string, files: string, limit: string) => string;
    filesKeptBack: (files: string) => string;
    readinessTitle: string;
    supported: string;
    notSupported: string;
    useSampleInstead: string;
    previousKept: string;
    dismiss: string;
    /** A file over the browser's size limit, refused before it is read. */
    tooBig: (file: string, size: string, limit: string) => string;
    /** A file under the limit that still did not fit in the data engine's memory. */
    outOfMemory: (file: string, size: string) => string;
  };
  progress: {
    starting: string;
    fetchingSample: string;
    /** `position` is "2 of 3" when several files are loaded, null for one. */
    reading: (file: string, size: string, position: string | null) => string;
    position: (index: string, total: string) => string;
    mapping: (file: string, size: string, rows: string) => string;
    /** The report so far is shown; the column profile and the spelling-variant check still run. */
    checking: string;
    updating: string;
    restoring: string;
    elapsed: (seconds: string) => string;
  };
  mapping: {
    title: string;
    intro: string;
    notMapped: string;
    fields: Record<CanonicalField, string>;
    fieldHints: Partial<Record<CanonicalField, string>>;
    dateOrder: string;
    dateOrders: Record<DateOrderChoice, string>;
    save: string;
    open: string;
    notJson: (file: string, message: string) => string;
    invalid: (file: string, path: string, message: string) => string;
    opened: (file: string) => string;
  };
  report: {
    title: string;
    rowsRead: string;
    accepted: string;
    repaired: string;
    rejected: string;
    summaryTitle: string;
    leads: string;
    owners: string;
    outcomes: Record<Outcome, string>;
    conversionRate: string;
    createdRange: string;
    noDates: string;
    issuesTitle: string;
    noIssues: string;
    severities: Record<IssueSeverity, string>;
    affected: (count: string) => string;
    row: (row: string) => string;
    line: (line: string) => string;
    emptyValue: string;
    examples: string;
    chartTitle: string;
    chartNoDates: string;
    weekOf: string;
    leadsAxis: string;
  };
  scenario: {
    label: string;
    save: string;
    open: string;
    opened: (file: string) => string;
    /** A scenario file that is not JSON or breaks the schema: `path` is the JSON path. */
    invalid: (file: string, path: string, message: string) => string;
    openFailed: string;
  };
  team: {
    title: string;
    intro: string;
    fromFile: (file: string) => string;
    inferred: string;
    inferredNotes: string;
    loading: string;
    noData: string;
    loadFailed: string;
    reps: (count: string, active: string) => string;
    columns: Record<TeamColumn, string>;
    activeYes: string;
    /** Hint under a list cell: how to separate the entries. */
    listHint: string;
    errors: {
      required: string;
      notNumber: string;
      negative: string;
      notWhole: string;
      badDate: (value: string) => string;
      duplicateId: (id: string) => string;
    };
    addRep: string;
    importRoster: string;
    importHelp: string;
    removeColumn: string;
    removeRep: (rep: string) => string;
    crmAll: string;
    crmMissing: (count: string, reps: string) => string;
    cellLabel: (column: string, rep: string) => string;
  };
  model: {
    setup: {
      title: string;
      intro: string;
      segmentsTitle: string;
      /** `p` comes with its relation: `= 0.12` or `< 0.001`. */
      evidence: (values: string, cells: string, thin: string, p: string) => string;
      nameLabel: string;
      bandsLabel: string;
      bandsHelp: string;
      horizonLabel: string;
      eligibilityLabel: string;
      eligibilityNone: string;
      mustHoldSkill: string;
      skillLabel: string;
      proposed: (reason: string) => string;
      eligibilityAdds: (field: string) => string;
    };
    title: string;
    intro: string;
    estimating: string;
    needsData: string;
    failed: string;
    summary: (leads: string, decided: string, segments: string, reps: string, weeks: string) => string;
    heatmapTitle: string;
    heatmapHelp: string;
    rep: string;
    segment: string;
    conversion: string;
    interval: string;
    evidence: (decided: string, won: string) => string;
    neverSeen: string;
    neverSeenLegend: string;
    /** The heatmap of a large team keeps the largest segments and reps: how many of how many, and where the rest are. */
    heatmapLargest: (segments: string, ofSegments: string, reps: string, ofReps: string) => string;
    effectsTitle: string;
    effectsHelp: string;
    effectAxis: string;
    significant: string;
    demandTitle: string;
    demandHelp: string;
    perWeek: string;
    sd: string;
    decayTitle: string;
    decayHelp: string;
    hoursAxis: string;
    multiplierAxis: string;
    decaySources: Record<'fitted' | 'preset' | 'scenario', string>;
    floor: string;
    tau: string;
    resetDecay: string;
    decayInvalid: { floor: string; tau: string };
    fittedPoints: string;
    backtestTitle: string;
    backtestHelp: (cutoff: string, fit: string, heldOut: string) => string;
    forecast: string;
    actual: string;
    coverage: (segments: string, reps: string, cells: string) => string;
    backtestUnavailable: string;
    /** The backtest panel while its run (asked for after the estimates) is under way. */
    backtesting: string;
    backtestFailed: string;
  };
  export: {
    title: string;
    intro: string;
    needsData: string;
    needsRoster: string;
    building: (policy: string) => string;
    buildFailed: string;
    policyLabel: string;
    policyHelp: string;
    policies: Record<RulePolicy, string>;
    targetLabel: string;
    targets: Record<ExportTargetName, string>;
    targetHelp: Record<ExportTargetName, string>;
    optionsLabel: string;
    /** Under a target option's field whose value does not fit; `allowed` is what it takes (src/export/options.ts). */
    optionInvalid: (allowed: string) => string;
    /** The line under the controls once the files are ready. */
    ready: (policy: string, rules: string, files: string) => string;
    limitationsTitle: string;
    limitationsHelp: string;
    noLimitations: string;
    /** Where a limitation applies: a rule id, `fallback`, `reps[i]`… */
    at: (at: string) => string;
    wholeConfig: string;
    approximation: string;
    refusedTitle: (target: string) => string;
    refusedHelp: string;
    /** Above the warnings of the optimized plan the exported rules come from. */
    planWarningsTitle: string;
    filesTitle: string;
    previewLabel: (file: string) => string;
    downloadFile: string;
    downloadAll: string;
    downloadRules: string;
  };
  columns: {
    title: string;
    column: string;
    field: string;
    type: string;
    nulls: string;
    distinct: string;
    min: string;
    max: string;
    top: string;
    /** Tooltip of a distinct count shown with ≈ (estimated on a large table). */
    approximate: string;
    types: Record<ColumnProfile['type'], string>;
  };
  policies: PoliciesTexts;
  compare: CompareTexts;
  rollout: RolloutTexts;
  /** A rollout's design, its export as an experiment, and the monitor's re-estimate. */
  design: DesignTexts;
}

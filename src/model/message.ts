/**
 * A sentence the engine says to the user (a simulation note, an optimizer conflict, a policy note):
 * a `code` and its `params` for a UI to word in its own language, and `text`, the English the CLI
 * prints. The same pattern as the data-quality issues (model/quality.ts).
 */
export interface EngineMessage<C extends string = string> {
  code: C;
  params: Record<string, string | number>;
  /** The English sentence, exactly as the CLI prints it. */
  text: string;
}

/** Each code with the names of the params it carries: the one list the engine and the translations check against. */
export type MessageSpec = Readonly<Record<string, readonly string[]>>;

export type ParamsOf<S extends MessageSpec, C extends keyof S> = Record<S[C][number], string | number>;

/** A builder typed by `spec`: a code must be listed, and must be given exactly the params listed for it. */
export function messageMaker<S extends MessageSpec>(_spec: S) {
  return <C extends keyof S & string>(code: C, params: ParamsOf<S, C>, text: string): EngineMessage<C> => ({ code, params, text });
}

export function textsOf(messages: readonly EngineMessage[]): string[] {
  return messages.map((m) => m.text);
}

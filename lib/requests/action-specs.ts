// What the request page offers this person, as data: each action with its title, the fields its form needs (with
// their choices), its button and the rules that explain it. Built by lib/requests/request-page.ts from what the
// workflow allows now; rendered by app/requests/[id]/RequestActions.tsx without knowing any action in particular.
// Actions in the "decide" area are one form: GOV.UK radios, each revealing only its own fields.
export type Choice = { value: string; label: string; hint?: string };

export type FieldSpec =
  | {
      kind: "textarea";
      name: string;
      label: string;
      hint?: string;
      rows?: number;
      /** Text the field starts with (e.g. the allocated officer's draft reply), until the person changes it. */
      initial?: string;
    }
  | { kind: "text"; name: string; label: string; hint?: string; inputMode?: "numeric"; initial?: string }
  | { kind: "date"; name: string; label: string; hint?: string; /** "year-month-day" */ initial?: string }
  | {
      kind: "select";
      name: string;
      label: string;
      options: Choice[];
      placeholder?: string;
      initial?: string;
      hint?: string;
    }
  | { kind: "radios"; name: string; legend: string; options: Choice[]; hint?: string }
  | { kind: "checkboxes"; name: string; legend: string; options: Choice[]; hint?: string }
  | { kind: "checkbox"; name: string; label: string; hint?: string }
  | { kind: "file"; name: string; label: string; hint?: string }
  | { kind: "info"; text: string }
  /** A value the form carries unseen (which proposal an approval is for). */
  | { kind: "hidden"; name: string; value: string }
  | { kind: "table"; caption: string; headers: string[]; rows: string[][] };

export type ActionArea = "decide" | "other";

export type ActionSpec = {
  /** The handler's action (lib/requests/forms/request-actions.ts). */
  action: string;
  /** Tells two forms for the same action apart (element ids, drafts), e.g. one per proposed change. */
  key?: string;
  title: string;
  /** Under the radio (decide area) or the heading. */
  hint?: string;
  area: ActionArea;
  fields: FieldSpec[];
  submit: string;
  tone?: "primary" | "warning" | "secondary";
  /** The rules behind the step, for a "Why?" disclosure beside it (not in the main text). */
  why?: { ruleId: string; text: string }[];
  /** Ask "are you sure?" first (GOV.UK confirmation step) — withdrawing, declining for good. */
  confirm?: string;
};

/** Field names in the decide form carry their action (two actions may both have "reasons"). */
export const decideFieldName = (action: string, name: string) => `${action}__${name}`;

/** What an action form shows after its server action: errors by field, what was typed, or a question to confirm. */
export type ActionState = {
  errors: Record<string, string>;
  values: Record<string, string>;
  /** A question to confirm before the action runs ("Are you sure…?"); the values are sent again with `confirmed`. */
  confirm?: string;
};

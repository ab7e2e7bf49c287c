// A submitted form's text values, for server actions: a field sent more than once (checkboxes) becomes one value per
// line. Files are left out (the actions that take one read it themselves). Pure.
export function textValues(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [k, v] of form.entries())
    if (typeof v === "string") values[k] = k in values ? `${values[k]}\n${v}` : v;
  return values;
}

// A select for GET filter forms (lists, queue, dashboard, outbox): uncontrolled, so it works without JavaScript.
// `any` adds a first option with an empty value ("All types", "Any status").
export type FilterOption = { id: string; name: string };

export function FilterSelect({
  id,
  label,
  value,
  options,
  any,
  className = "input bg-white",
  wrapperClassName = "mb-4",
}: {
  id: string;
  label: string;
  value: string;
  options: FilterOption[];
  any?: string;
  className?: string;
  /** "" inside a one-row filter bar, where the fields align at the bottom. */
  wrapperClassName?: string;
}) {
  return (
    <div className={wrapperClassName}>
      <label htmlFor={id} className="label">
        {label}
      </label>
      <select id={id} name={id} defaultValue={value} className={className}>
        {any !== undefined ? <option value="">{any}</option> : null}
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>
    </div>
  );
}

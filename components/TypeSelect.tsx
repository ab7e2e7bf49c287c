// The request-type filter used by the request lists and the dashboard (a GET form field).
import { REQUEST_TYPE_LABELS } from "@/lib/requests/labels";
import { FilterSelect } from "./FilterSelect";

export const TYPE_OPTIONS = Object.entries(REQUEST_TYPE_LABELS).map(([id, name]) => ({ id, name }));

export function TypeSelect({ value, className = "input bg-white w-60" }: { value: string; className?: string }) {
  return (
    <FilterSelect
      id="type"
      label="Type"
      value={value}
      any="All types"
      options={TYPE_OPTIONS}
      className={className}
      wrapperClassName=""
    />
  );
}

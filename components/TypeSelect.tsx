// The request-type filter used by the request lists and the dashboard (a GET form field).
import { REQUEST_TYPE_LABELS } from "@/lib/requests/queries";

export function TypeSelect({ value, className = "input bg-white w-60" }: { value: string; className?: string }) {
  return (
    <div>
      <label htmlFor="type" className="label">
        Type
      </label>
      <select id="type" name="type" defaultValue={value} className={className}>
        <option value="">All types</option>
        {Object.entries(REQUEST_TYPE_LABELS).map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
    </div>
  );
}

// Notification banner (GOV.UK pattern): information or success, with a heading.
import type { ReactNode } from "react";

export function Notice({
  title,
  children,
  tone = "info",
}: {
  title: string;
  children?: ReactNode;
  tone?: "info" | "success";
}) {
  const colour = tone === "success" ? "border-success" : "border-brand";
  const head = tone === "success" ? "bg-success" : "bg-brand";
  return (
    <div role={tone === "success" ? "status" : "region"} aria-label={title} className={`border-4 ${colour} mb-8`}>
      <p className={`${head} px-4 py-1 font-semibold text-white`}>
        {tone === "success" ? "Success" : "Important"}
      </p>
      <div className="p-4">
        <p className="h3 !mb-1">{title}</p>
        {children}
      </div>
    </div>
  );
}

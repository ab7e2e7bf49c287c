// Status tag (GOV.UK tag). Colour carries no meaning on its own: the text always says the status.
const tones = {
  grey: "bg-[#e5e6e7] text-[#282d30]",
  green: "bg-[#cce2d8] text-[#005a30]",
  red: "bg-[#f4cdc6] text-[#2a0b06]",
  blue: "bg-[#bbd4ea] text-[#0c2d4a]",
  yellow: "bg-[#fff7bf] text-[#594d00]",
} as const;

export function Tag({ children, tone = "blue" }: { children: string; tone?: keyof typeof tones }) {
  return <strong className={`inline-block px-2 py-0.5 text-base font-normal ${tones[tone]}`}>{children}</strong>;
}

/** A request's status: grey once closed, yellow while it waits for the member, blue otherwise. */
export function StatusTag({ label, status, closed }: { label: string; status: string; closed: boolean }) {
  return <Tag tone={closed ? "grey" : status === "AWAITING_MEMBER" ? "yellow" : "blue"}>{label}</Tag>;
}

export type { AbsenceFormState } from "@/lib/people/absences";
